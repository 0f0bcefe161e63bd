import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpTask } from '../../../shared/domain';
import { customerStore } from './customers';
import { openDatabase, type Db } from './open';
import { TASK_PARAM_ORDER, replicaStore, taskRow } from './replica';
import { taskParams, taskStore } from './tasks';
import { aCustomer, aTask } from './test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  customerStore(db, 'CN').insert(aCustomer('c1', '张伟'), []);
});
afterEach(() => db.close());

const full: FollowUpTask = { ...aTask('t-full', 'c1'), ruleId: 'rule-1', team: 'A', scriptId: 'script-1', surveyId: 'survey-1' };
const row = (id: string) => db.prepare('SELECT * FROM followup_tasks WHERE id = ?').get(id) as Record<string, unknown>;

describe('replica: pulled tasks', () => {
  it('binds every value taskParams names, in the upsert column order', () => {
    for (const t of [full, aTask('t-min', 'c1')]) {
      const named = taskParams(t) as Record<string, unknown>;
      expect(taskRow(t)).toEqual(TASK_PARAM_ORDER.map((k) => named[k] ?? null));
    }
    // A field taskParams gains must be bound here too.
    expect(Object.keys(taskParams(full)).sort()).toEqual([...TASK_PARAM_ORDER].sort());
  });

  it('stores a pulled task exactly as the local write path does', () => {
    taskStore(db).insert({ ...full, id: 't-local' });
    replicaStore(db).applyPage({ customers: [], events: [], tasks: [{ task: full, lease: { holder: null, leaseUntil: null, epoch: 0 } }] });
    const { seq: _a, id: _b, ...local } = row('t-local');
    const { seq: _c, id: _d, ...pulled } = row('t-full');
    expect(pulled).toEqual(local);
    expect(replicaStore(db).lease('t-full')).toBeNull();
  });
});

describe('replica: an initial load cut by a crash', () => {
  it('is finished from what an older build saved (the dropped triggers only, as an array)', () => {
    const fresh = openDatabase(':memory:');
    try {
      const sql = fresh.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'customers_fts_insert'").get()!.sql;
      fresh.exec('DROP TRIGGER customers_fts_insert');
      fresh.prepare("INSERT INTO store_meta (key, value) VALUES ('sync_initial_load_triggers', ?)").run(JSON.stringify([{ name: 'customers_fts_insert', sql }]));
      customerStore(fresh, 'CN').insert(aCustomer('c9', '王小明'), []);
      expect(replicaStore(fresh).finishInitialLoad()).toBe(true);
      expect(fresh.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'customers_fts_insert'").pluck().get()).toBe(1);
      // The rebuild indexed the name written while the trigger was away.
      expect(fresh.prepare("SELECT count(*) FROM customers_name_fts WHERE customers_name_fts MATCH '王小明'").pluck().get()).toBe(1);
    } finally {
      fresh.close();
    }
  });
});

describe('replica: pulled customers', () => {
  const numbers = (id: string) => db.prepare('SELECT e164, is_primary FROM customer_phones WHERE customer_id = ? ORDER BY e164').all(id);
  const pulled = (id: string, name: string, phones: string[]) => ({
    customer: aCustomer(id, name),
    phones: phones.map((e164, i) => ({ e164, label: 'mobile', isPrimary: i === 0 })),
    clocks: { name: '000000000000001:00000:server' },
  });

  it('replaces the numbers of a customer it holds, and stores a new one with its numbers', () => {
    const replica = replicaStore(db);
    replica.applyPage({ customers: [pulled('c1', '张伟', ['+8613800138001', '+8613800138002']), pulled('c2', '李娜', ['+8613800138003'])], events: [], tasks: [] });
    replica.applyPage({ customers: [pulled('c1', '张伟', ['+8613800138009'])], events: [], tasks: [] });
    expect(numbers('c1')).toEqual([{ e164: '+8613800138009', is_primary: 1 }]);
    expect(numbers('c2')).toEqual([{ e164: '+8613800138003', is_primary: 1 }]);
  });

  it('takes the later copy when one page carries a new customer twice', () => {
    replicaStore(db).applyPage({ customers: [pulled('c3', '王芳', ['+8613800138004']), pulled('c3', '王芳芳', ['+8613800138005'])], events: [], tasks: [] });
    expect(numbers('c3')).toEqual([{ e164: '+8613800138005', is_primary: 1 }]);
    expect(db.prepare("SELECT name FROM customers WHERE id = 'c3'").pluck().get()).toBe('王芳芳');
  });

  it('keeps a local edit not pushed yet over an older server value', () => {
    const replica = replicaStore(db);
    replica.applyPage({ customers: [pulled('c4', '赵磊', ['+8613800138006'])], events: [], tasks: [] });
    replica.patchCustomer('c4', { name: '赵磊磊' }, '000000000000005:00000:me', '2026-01-01T00:00:00.000Z');
    replica.applyPage({ customers: [pulled('c4', '赵磊', ['+8613800138006'])], events: [], tasks: [] });
    expect(db.prepare("SELECT name FROM customers WHERE id = 'c4'").pluck().get()).toBe('赵磊磊');
  });

  it('reads packed clocks: `*` dates every field the server does not name', () => {
    const replica = replicaStore(db);
    replica.applyPage({ customers: [pulled('c5', '孙丽', ['+8613800138007'])], events: [], tasks: [] });
    replica.patchCustomer('c5', { name: '孙丽丽', city: '上海' }, '000000000000005:00000:me', '2026-01-01T00:00:00.000Z');
    // The server's city is newer than the local edit (by `*`), its name older (named).
    const later = { ...pulled('c5', '孙丽', ['+8613800138007']), clocks: { '*': '000000000000009:00000:server', name: '000000000000002:00000:server' } };
    later.customer = { ...later.customer, city: '杭州' };
    replica.applyPage({ customers: [later], events: [], tasks: [] });
    expect(db.prepare("SELECT name, city FROM customers WHERE id = 'c5'").get()).toEqual({ name: '孙丽丽', city: '杭州' });
  });
});
