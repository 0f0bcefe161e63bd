import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', '张伟', 0, 0)").run();
});
afterEach(() => db.close());

function insert(id: string, fields: { status?: string; priority?: unknown; customer?: string } = {}) {
  return db
    .prepare(
      `INSERT INTO followup_tasks (id, customer_id, type, status, priority, due_at, sla_at, reason, created_at)
       VALUES (?, ?, 'satisfaction_survey', ?, ?, 0, 0, 'r', 0)`,
    )
    .run(id, fields.customer ?? 'c1', fields.status ?? 'queued', fields.priority ?? 3);
}

const QUEUE_ORDER = 'ORDER BY priority, due_at, id LIMIT 100';

describe('migration 003: follow-up tasks', () => {
  it('refuses an unknown status and a priority outside 1–5', () => {
    expect(() => insert('t1', { status: 'maybe' })).toThrow(/CHECK constraint failed/);
    expect(() => insert('t2', { priority: 9 })).toThrow(/CHECK constraint failed/);
  });

  it('is STRICT: a priority given as words is refused', () => {
    expect(() => insert('t1', { priority: 'high' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('refuses a task for an unknown customer and drops tasks with their customer', () => {
    expect(() => insert('t1', { customer: 'ghost' })).toThrow(/FOREIGN KEY constraint failed/);
    insert('t2');
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM followup_tasks').pluck().get()).toBe(0);
  });

  it.each([
    ['status', "WHERE status = 'queued'", 'tasks_by_status_priority_due'],
    ['type', "WHERE type = 'reactivation'", 'tasks_by_type_priority_due'],
    ['no filter', '', 'tasks_by_priority_due'],
  ])('reads the queue in order by %s from an index, without sorting', (_name, where, index) => {
    const plan = planOf(db, `SELECT * FROM followup_tasks ${where} ${QUEUE_ORDER}`);
    expect(plan).toContain(index);
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
