import type { Migration } from '../migrate';

/**
 * Customers and their phone numbers.
 * - `seq` is a local row number (FTS needs an integer rowid); `id` is the stable id shared with the server.
 * - Instants are INTEGER Unix milliseconds everywhere in this store: they sort correctly whatever
 *   offset the writer used, and are a third of the size of ISO text in the indexes.
 * - A number is unique per customer, not globally: family members and small shops share lines.
 * - Name search: a trigram FTS5 index for substrings of 3+ characters (any script, case-insensitive)
 *   and a NOCASE index on the name for 1–2 character queries, which trigrams cannot answer.
 *   The FTS table is the one table that cannot be STRICT (virtual); triggers keep it in step.
 */
export const customers: Migration = {
  version: 1,
  name: 'customers',
  up(db) {
    db.exec(`
      CREATE TABLE customers (
        seq         INTEGER PRIMARY KEY,
        id          TEXT    NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),
        name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        segment     TEXT,
        tags        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        region      TEXT    CHECK (region IS NULL OR length(region) = 2),
        time_zone   TEXT,
        email       TEXT,
        company     TEXT,
        city        TEXT,
        language    TEXT    CHECK (language IS NULL OR language IN ('zh-CN', 'en')),
        do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);

      CREATE TABLE customer_phones (
        customer_id TEXT    NOT NULL REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
        e164        TEXT    NOT NULL CHECK (e164 GLOB '+[1-9]*' AND substr(e164, 2) NOT GLOB '*[^0-9]*' AND length(e164) BETWEEN 8 AND 16),
        label       TEXT    NOT NULL CHECK (label IN ('mobile', 'home', 'work', 'other')),
        is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        PRIMARY KEY (customer_id, e164)
      ) STRICT, WITHOUT ROWID;

      -- "Who is calling from this number": the screen-pop's one indexed probe.
      CREATE INDEX customer_phones_by_e164 ON customer_phones (e164);
      -- At most one primary number per customer; also answers "primary number of X" from the index.
      CREATE UNIQUE INDEX customer_phones_one_primary ON customer_phones (customer_id) WHERE is_primary = 1;

      CREATE VIRTUAL TABLE customers_name_fts USING fts5 (
        name, content = 'customers', content_rowid = 'seq', tokenize = 'trigram', detail = 'none'
      );
      CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_name_fts (rowid, name) VALUES (new.seq, new.name);
      END;
      CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customers_name_fts (customers_name_fts, rowid, name) VALUES ('delete', old.seq, old.name);
      END;
      CREATE TRIGGER customers_fts_update AFTER UPDATE OF name ON customers BEGIN
        INSERT INTO customers_name_fts (customers_name_fts, rowid, name) VALUES ('delete', old.seq, old.name);
        INSERT INTO customers_name_fts (rowid, name) VALUES (new.seq, new.name);
      END;
    `);
  },
};
