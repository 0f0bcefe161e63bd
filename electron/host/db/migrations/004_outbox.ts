import type { Migration } from '../migrate';

/**
 * Local writes waiting to reach the server. The op id is made by the console, so the server can
 * apply a resent op idempotently; `sent_at` stays NULL until the server acknowledged it.
 */
export const outbox: Migration = {
  version: 4,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq         INTEGER PRIMARY KEY,
        op_id       TEXT    NOT NULL UNIQUE CHECK (length(op_id) BETWEEN 1 AND 64),
        kind        TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
        payload     TEXT    NOT NULL CHECK (json_valid(payload)),
        created_at  INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        sent_at     INTEGER
      ) STRICT;

      -- The sender only ever reads what is still pending, oldest first.
      CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
    `);
  },
};
