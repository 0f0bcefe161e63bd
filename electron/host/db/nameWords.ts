import type { Db } from './open';

/**
 * Names as "words" for the short-query index (migration 007): every Han/kana/Hangul character
 * becomes its own word, Latin names keep their words. "王芳芳" → "王 芳 芳", "Emily Johnson" stays.
 * FTS5's unicode61 tokenizer then answers 1–2 character queries from an index: "芳" as a word,
 * "王芳" as a phrase of two adjacent words (= substring), "jo" as a word prefix (jo*).
 */
const CJK = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

export function nameWords(name: string): string {
  return name.replace(CJK, ' $1 ').replace(/\s+/g, ' ').trim();
}

/** The SQL function the name triggers call; registered on every connection before migrating. */
export function registerNameFunctions(db: Db): void {
  db.function('name_words', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? nameWords(name) : null));
}

/** FTS5 query for a short (1–2 character) name query, or null when it has nothing to search. */
export function shortNameQuery(query: string): string | null {
  const words = nameWords(query.toLowerCase())
    .split(' ')
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w !== '');
  const last = words.at(-1);
  if (!last) return null;
  // A trailing Latin word may be unfinished ("jo" → Johnson); a Han character is a whole word.
  const prefix = /\p{Script=Latin}|\p{N}/u.test(last) ? '*' : '';
  return `"${words.join(' ')}"${prefix}`;
}

/** Rebuilds both name indexes from the customers table (after a bulk load without triggers). */
export function rebuildNameIndexes(db: Db): void {
  db.exec(`
    INSERT INTO customers_name_fts (customers_name_fts) VALUES ('rebuild');
    DELETE FROM customers_name_words;
    INSERT INTO customers_name_words (rowid, words) SELECT seq, name_words(name) FROM customers;
  `);
}
