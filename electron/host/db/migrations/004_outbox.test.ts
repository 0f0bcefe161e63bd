import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const insert = (opId: string, payload = '{}') =>
  db.prepare("INSERT INTO outbox (op_id, kind, payload, created_at) VALUES (?, 'saveOutcome', ?, 0)").run(opId, payload);

describe('migration 004: outbox', () => {
  it('keeps one row per op id, so a retried write is not queued twice', () => {
    insert('op-1');
    expect(() => insert('op-1')).toThrow(/UNIQUE constraint failed: outbox.op_id/);
  });

  it('refuses a payload that is not JSON', () => {
    expect(() => insert('op-1', 'oops')).toThrow(/CHECK constraint failed/);
  });

  it('starts every op unsent with no attempts', () => {
    insert('op-1');
    expect(db.prepare('SELECT attempts, sent_at FROM outbox').get()).toEqual({ attempts: 0, sent_at: null });
  });

  it('finds pending ops in order from the partial index, however many were sent', () => {
    const plan = planOf(db, 'SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 100');
    expect(plan).toContain('outbox_pending');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
