import type { Migration } from '../migrate';

/**
 * Small facts about the file itself, e.g. that it was made by the demo generator (and with which
 * seed), so the seed script can tell a demo file from an agent's real data before overwriting it.
 */
export const meta: Migration = {
  version: 5,
  name: 'meta',
  up(db) {
    db.exec(`
      CREATE TABLE store_meta (
        key    TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
        value  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
