import type { Migration } from '../migrate';

/**
 * Indexed short name queries. Trigrams (001) cannot answer "芳" or "王芳": a 1–2 character query
 * fell back to scanning every name, ~100 ms at 1M customers. This contentless FTS5 index holds each
 * name as words, one per Chinese character (see nameWords.ts), so a single character is a word
 * lookup and two characters a phrase lookup; Latin names get word-prefix search ("jo*").
 * The words come from the name_words() SQL function the app registers on each connection, so a
 * tool that renames customers without it fails loudly instead of leaving the index stale.
 */
export const nameWords: Migration = {
  version: 7,
  name: 'name_words',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE customers_name_words USING fts5 (
        words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO customers_name_words (rowid, words) SELECT seq, name_words(name) FROM customers;
      CREATE TRIGGER customers_words_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_name_words (rowid, words) VALUES (new.seq, name_words(new.name));
      END;
      CREATE TRIGGER customers_words_delete AFTER DELETE ON customers BEGIN
        DELETE FROM customers_name_words WHERE rowid = old.seq;
      END;
      CREATE TRIGGER customers_words_update AFTER UPDATE OF name ON customers BEGIN
        DELETE FROM customers_name_words WHERE rowid = old.seq;
        INSERT INTO customers_name_words (rowid, words) VALUES (new.seq, name_words(new.name));
      END;
    `);
  },
};
