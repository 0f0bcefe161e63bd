import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerStore } from './customers';
import { openDatabase, type Db } from './open';
import { taskStore } from './tasks';
import { aCustomer, aTask } from './test-fixtures';

let db: Db;
let store: ReturnType<typeof taskStore>;
beforeEach(() => {
  db = openDatabase(':memory:');
  customerStore(db, 'CN').insert(aCustomer('c1', '张伟'), []);
  customerStore(db, 'CN').insert(aCustomer('c2', 'Emily Johnson'), []);
  store = taskStore(db);
  store.insertMany([
    aTask('t-late', 'c1', { priority: 3, dueAt: '2026-01-03T00:00:00.000Z' }),
    aTask('t-urgent', 'c2', { priority: 1, type: 'complaint_care', dueAt: '2026-01-05T00:00:00.000Z' }),
    aTask('t-early', 'c2', { priority: 3, dueAt: '2026-01-01T00:00:00.000Z' }),
    aTask('t-done', 'c1', { status: 'done', priority: 1, type: 'complaint_care' }),
  ]);
});
afterEach(() => db.close());

describe('task store', () => {
  it('lists the queue by priority, then due time, with the customer’s name and the total', () => {
    const { total, tasks } = store.list({ status: 'queued', limit: 10, offset: 0 });
    expect(total).toBe(3);
    expect(tasks.map((t) => [t.id, t.customerName])).toEqual([
      ['t-urgent', 'Emily Johnson'],
      ['t-early', 'Emily Johnson'],
      ['t-late', '张伟'],
    ]);
  });

  it('filters by type, by status and type, or not at all', () => {
    expect(store.list({ type: 'complaint_care', limit: 10, offset: 0 }).tasks.map((t) => t.id)).toEqual(['t-done', 't-urgent']);
    expect(store.list({ type: 'complaint_care', status: 'done', limit: 10, offset: 0 }).total).toBe(1);
    expect(store.list({ limit: 10, offset: 0 }).total).toBe(4);
  });

  it('lists only the tasks leased to one agent when asked for held tasks, whatever the status filter', () => {
    store.insertMany([
      aTask('t-mine', 'c1', { status: 'leased', assignedTo: 'agent-1', priority: 2 }),
      aTask('t-mine-care', 'c2', { status: 'leased', assignedTo: 'agent-1', priority: 1, type: 'complaint_care' }),
      aTask('t-theirs', 'c2', { status: 'leased', assignedTo: 'agent-2' }),
      aTask('t-was-mine', 'c1', { status: 'done', assignedTo: 'agent-1' }),
    ]);
    const held = store.list({ heldBy: 'agent-1', status: 'queued', limit: 10, offset: 0 });
    expect(held.tasks.map((t) => t.id)).toEqual(['t-mine-care', 't-mine']);
    expect(held.total).toBe(2);
    expect(store.list({ heldBy: 'agent-1', type: 'complaint_care', limit: 10, offset: 0 }).tasks.map((t) => t.id)).toEqual(['t-mine-care']);
    expect(store.list({ heldBy: 'agent-3', limit: 10, offset: 0 }).total).toBe(0);
  });

  it('pages with offset while the total stays the whole match', () => {
    const page = store.list({ status: 'queued', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, tasks: [{ id: 't-early' }] });
  });

  it('keeps the optional rule fields as written', () => {
    store.insert(aTask('t-rule', 'c1', { ruleId: 'r-csat', team: 'care', scriptId: 's1', surveyId: 'csat-5' }));
    expect(store.byId('t-rule')).toMatchObject({ ruleId: 'r-csat', team: 'care', scriptId: 's1', surveyId: 'csat-5' });
    expect(store.byId('t-late')).not.toHaveProperty('ruleId');
  });

  it('refuses a task with a bad field, naming it', () => {
    expect(() => store.insert(aTask('t-bad', 'c1', { priority: 0 }))).toThrow(/task t-bad: priority/);
  });
});
