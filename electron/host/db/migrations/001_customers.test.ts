import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const addCustomer = (id: string, name: string) =>
  db.prepare('INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)').run(id, name);
const addPhone = (customerId: string, e164: string, primary = 0) =>
  db.prepare("INSERT INTO customer_phones (customer_id, e164, label, is_primary) VALUES (?, ?, 'mobile', ?)").run(customerId, e164, primary);

describe('migration 001: customers and phone numbers', () => {
  it('is STRICT: a date written as text is refused instead of stored as garbage', () => {
    expect(() => db.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', '张伟', 'yesterday', 0)").run())
      .toThrow(/cannot store TEXT value in INTEGER column customers.created_at/);
  });

  it('refuses a number that is not E.164', () => {
    addCustomer('c1', '张伟');
    expect(() => addPhone('c1', '138 0013 8000')).toThrow(/CHECK constraint failed/);
  });

  it('keeps one number once per customer but lets two customers share it', () => {
    addCustomer('c1', '王芳');
    addCustomer('c2', '陈静');
    addPhone('c1', '+8613700137000');
    expect(() => addPhone('c1', '+8613700137000')).toThrow(/UNIQUE constraint failed/);
    addPhone('c2', '+8613700137000');
    const owners = db.prepare('SELECT customer_id FROM customer_phones WHERE e164 = ? ORDER BY 1').pluck().all('+8613700137000');
    expect(owners).toEqual(['c1', 'c2']);
  });

  it('allows one primary number per customer', () => {
    addCustomer('c1', '张伟');
    addPhone('c1', '+8613800138000', 1);
    expect(() => addPhone('c1', '+8613900139000', 1)).toThrow(/UNIQUE constraint failed/);
  });

  it('removes a deleted customer’s numbers with them', () => {
    addCustomer('c1', '张伟');
    addPhone('c1', '+8613800138000');
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM customer_phones').pluck().get()).toBe(0);
  });

  it('refuses a number for a customer that does not exist', () => {
    expect(() => addPhone('ghost', '+8613800138000')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('answers "who is calling from this number" from the e164 index', () => {
    const plan = planOf(db, 'SELECT customer_id FROM customer_phones WHERE e164 = ?', '+8613800138000');
    expect(plan).toContain('USING COVERING INDEX customer_phones_by_e164 (e164=?)');
  });

  it('keeps the trigram name index in step with inserts, renames and deletes', () => {
    addCustomer('c1', '欧阳娜娜');
    const find = (s: string) => db.prepare('SELECT rowid FROM customers_name_fts WHERE name LIKE ?').pluck().all(`%${s}%`).length;
    expect(find('阳娜娜')).toBe(1);
    db.prepare("UPDATE customers SET name = 'Emily Johnson' WHERE id = 'c1'").run();
    expect(find('阳娜娜')).toBe(0);
    expect(find('JOHN')).toBe(1);
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(find('john')).toBe(0);
  });

  it('serves substring search of 3+ characters from the trigram index, not a table scan', () => {
    const plan = planOf(db, 'SELECT rowid FROM customers_name_fts WHERE name LIKE ?', '%smith%');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX 0:L/);
  });

  it('serves case-insensitive name prefixes from the NOCASE name index', () => {
    const plan = planOf(db, 'SELECT seq FROM customers WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE ORDER BY name COLLATE NOCASE', 'wang', 'wang\u{10FFFF}');
    expect(plan).toContain('customers_by_name');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
