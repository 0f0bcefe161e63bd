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
