import type { Migration } from '../migrate';

/**
 * What the console needs to sync with the server (docs/sync.md):
 * - `sync_node`: this console's node id and hybrid logical clock, kept across restarts so its
 *   clock never goes back and its op ids never collide with another console's;
 * - `sync_session`: which server and account this store syncs with, and the cursor (the server
 *   sequence of the last change applied). The refresh token is not here: it is sealed by the
 *   secret box into `secrets` (migration 006), never readable by the renderer;
 * - `customer_clocks`: the HLC of each local edit that still wins over what the server sent, so a
 *   pulled customer merges field by field with edits waiting in the outbox (last writer wins); a
 *   customer with no such edit has no row (the replica keeps it so since the initial-sync work);
 * - `task_leases`: the server's lease on each task it leased, so an offline console knows which
 *   tasks it may keep working and under which epoch it recorded an outcome; no row = no lease,
 *   epoch 0.
 */
export const sync: Migration = {
  version: 8,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_node (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        client_id  TEXT    NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64 AND client_id NOT GLOB '*[^A-Za-z0-9_-]*'),
        hlc        TEXT    NOT NULL CHECK (length(hlc) BETWEEN 23 AND 90)
      ) STRICT;

      CREATE TABLE sync_session (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        server        TEXT    NOT NULL CHECK (server GLOB 'http://*' OR server GLOB 'https://*'),
        username      TEXT    NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
        user_id       TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 64),
        role          TEXT    NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        team_id       TEXT,
        cursor        INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        last_sync_at  INTEGER
      ) STRICT;

      CREATE TABLE customer_clocks (
        customer_id  TEXT NOT NULL PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
        clocks       TEXT NOT NULL CHECK (json_valid(clocks) AND json_type(clocks) = 'object')
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE task_leases (
        task_id      TEXT    NOT NULL PRIMARY KEY REFERENCES followup_tasks (id) ON DELETE CASCADE ON UPDATE CASCADE,
        holder       TEXT,
        lease_until  INTEGER,
        epoch        INTEGER NOT NULL DEFAULT 0 CHECK (epoch >= 0),
        CHECK ((holder IS NULL) = (lease_until IS NULL))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
