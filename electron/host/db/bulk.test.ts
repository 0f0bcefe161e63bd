import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad } from './bulk';
import { customerStore } from './customers';
import { openDatabase, type Db } from './open';
import { aCustomer, planOf } from './test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('bulkLoad', () => {
  it('leaves names loaded in bulk searchable, and later renames tracked again', () => {
    const store = customerStore(db, 'CN');
    bulkLoad(db, () => store.insertMany([{ customer: aCustomer('c1', '欧阳娜娜'), phones: [] }, { customer: aCustomer('c2', 'Emily Johnson'), phones: [] }]));
    expect(store.searchByName('阳娜娜', 5).map((c) => c.id)).toEqual(['c1']);
    expect(store.searchByName('ohnso', 5).map((c) => c.id)).toEqual(['c2']);
    db.prepare("UPDATE customers SET name = '欧阳雪' WHERE id = 'c1'").run();
    expect(store.searchByName('阳娜娜', 5)).toEqual([]);
  });

  it('leaves every index and trigger it dropped in place again, so hot reads still use them', () => {
    const schema = () => db.prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const before = schema();
    bulkLoad(db, () => customerStore(db, 'CN').insert(aCustomer('c1', '张伟'), []));
    expect(schema()).toEqual(before);
    expect(planOf(db, 'SELECT * FROM history_events WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 5', 'c1')).toContain(
      'history_by_customer_time',
    );
  });

  it('restores the journal mode and durability even when the load fails', () => {
    const before = [db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })];
    expect(() => bulkLoad(db, () => { throw new Error('generator broke'); })).toThrow('generator broke');
    expect([db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })]).toEqual(before);
  });
});

describe('bulkLoad foreign keys', () => {
  it('fails a load that left history pointing at a customer that does not exist', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      bulkLoad(db, () =>
        db.prepare("INSERT INTO history_events (id, customer_id, kind, occurred_at, summary, payload) VALUES ('e1', 'ghost', 'note', 0, 's', '{}')").run(),
      ),
    ).toThrow(/1 rows pointing at missing parents, first in history_events/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
