import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { registerNameFunctions } from '../nameWords';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';
import { MIGRATIONS } from '.';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const addCustomer = (id: string, name: string) =>
  db.prepare('INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)').run(id, name);
const match = (query: string) =>
  db
    .prepare('SELECT c.name FROM customers_name_words w JOIN customers c ON c.seq = w.rowid WHERE customers_name_words MATCH ? ORDER BY c.name')
    .pluck()
    .all(query);

describe('migration 007: words index for short name queries', () => {
  it('finds one Chinese character anywhere in a name, and two as adjacent characters only', () => {
    ['王芳', '李王芳', '芳华', '王小芳'].forEach((name, i) => addCustomer(`c${i}`, name));
    expect(match('"芳"')).toEqual(['李王芳', '王小芳', '王芳', '芳华'].sort());
    expect(match('"王 芳"')).toEqual(['李王芳', '王芳'].sort());
  });

  it('finds English names by a word prefix, in any case', () => {
    addCustomer('c1', 'Emily Johnson');
    expect(match('"jo"*')).toEqual(['Emily Johnson']);
    expect(match('"EM"*')).toEqual(['Emily Johnson']);
    expect(match('"hn"*')).toEqual([]);
  });

  it('follows renames and deletes', () => {
    addCustomer('c1', '王芳');
    db.prepare("UPDATE customers SET name = '陈静' WHERE id = 'c1'").run();
    expect(match('"芳"')).toEqual([]);
    expect(match('"静"')).toEqual(['陈静']);
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(match('"静"')).toEqual([]);
  });

  it('indexes customers that existed before the migration', () => {
    const old = new Database(':memory:');
    registerNameFunctions(old);
    migrate(old, MIGRATIONS.slice(0, 6));
    old.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', '欧阳娜娜', 0, 0)").run();
    migrate(old, MIGRATIONS);
    expect(old.prepare('SELECT rowid FROM customers_name_words WHERE customers_name_words MATCH ?').pluck().all('"娜"')).toHaveLength(1);
    old.close();
  });

  it('refuses to rename a customer on a connection without name_words(), rather than go stale', () => {
    addCustomer('c1', '王芳');
    const bare = new Database(':memory:');
    bare.exec("CREATE TABLE customers (seq INTEGER PRIMARY KEY, name TEXT) STRICT; CREATE VIRTUAL TABLE customers_name_words USING fts5 (words, content = '', contentless_delete = 1)");
    bare.exec("CREATE TRIGGER customers_words_insert AFTER INSERT ON customers BEGIN INSERT INTO customers_name_words (rowid, words) VALUES (new.seq, name_words(new.name)); END;");
    expect(() => bare.prepare("INSERT INTO customers (name) VALUES ('x')").run()).toThrow(/no such function: name_words/);
    bare.close();
  });

  it('answers a word query from the index', () => {
    expect(planOf(db, 'SELECT rowid FROM customers_name_words WHERE customers_name_words MATCH ?', '"芳"')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
