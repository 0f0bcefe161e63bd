import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', '张伟', 0, 0)").run();
});
afterEach(() => db.close());

function insert(id: string, kind: string, at: unknown, payload = '{}') {
  return db.prepare("INSERT INTO history_events (id, customer_id, kind, occurred_at, summary, payload) VALUES (?, 'c1', ?, ?, 's', ?)").run(id, kind, at, payload);
}

describe('migration 002: history events', () => {
  it('is STRICT: an ISO string where milliseconds belong is refused', () => {
    expect(() => insert('e1', 'note', '2026-01-01T00:00:00Z')).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('refuses an unknown kind and a payload that is not JSON', () => {
    expect(() => insert('e1', 'tweet', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insert('e2', 'note', 1, '{not json')).toThrow(/CHECK constraint failed/);
  });

  it('refuses two events with one id (sync applies each event once)', () => {
    insert('e1', 'note', 1);
    expect(() => insert('e1', 'call', 2)).toThrow(/UNIQUE constraint failed: history_events.id/);
  });

  it('deletes a customer’s history with the customer', () => {
    insert('e1', 'note', 1);
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM history_events').pluck().get()).toBe(0);
  });

  it('reads a newest-first keyset page straight from the index, without sorting', () => {
    const plan = planOf(
      db,
      'SELECT * FROM history_events WHERE customer_id = ? AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT 51',
      'c1', 1, 'x',
    );
    expect(plan).toContain('USING INDEX history_by_customer_time (customer_id=? AND (occurred_at,id)<(?,?))');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('reads a one-kind page from the per-kind index, without sorting', () => {
    const plan = planOf(
      db,
      'SELECT * FROM history_events WHERE customer_id = ? AND kind = ? AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT 51',
      'c1', 'order', 1, 'x',
    );
    expect(plan).toContain('USING INDEX history_by_customer_kind_time (customer_id=? AND kind=? AND (occurred_at,id)<(?,?))');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('counts events per kind from the per-kind index alone', () => {
    const plan = planOf(db, 'SELECT kind, count(*) FROM history_events WHERE customer_id = ? GROUP BY kind', 'c1');
    expect(plan).toContain('USING COVERING INDEX history_by_customer_kind_time (customer_id=?)');
  });
});
