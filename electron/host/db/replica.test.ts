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
