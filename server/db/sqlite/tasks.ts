import type { Database } from 'better-sqlite3';
import type { FollowUpTask } from '../../../shared/domain';
import type { TaskRow } from '../queries';
import type { SyncOf } from './types';

interface TaskSql {
  team_id: string;
  holder: string | null;
  lease_until: number | null;
  lease_epoch: number;
  data: string;
}
const toTask = (r: TaskSql): TaskRow => ({
  teamId: r.team_id,
  holder: r.holder,
  leaseUntil: r.lease_until,
  epoch: r.lease_epoch,
  task: JSON.parse(r.data) as FollowUpTask,
});

export function taskQueries(db: Database): SyncOf<'getTask' | 'insertTask' | 'updateTask' | 'getTasks' | 'listTasksOfCustomers' | 'insertTasks' | 'updateTasks'> {
  const s = {
    get: db.prepare('SELECT team_id, holder, lease_until, lease_epoch, data FROM tasks WHERE id = ?'),
    insert: db.prepare(
      'INSERT INTO tasks (id, customer_id, team_id, status, holder, lease_until, lease_epoch, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare('UPDATE tasks SET status = ?, holder = ?, lease_until = ?, lease_epoch = ?, data = ? WHERE id = ?'),
    many: db.prepare('SELECT team_id, holder, lease_until, lease_epoch, data FROM tasks WHERE id IN (SELECT value FROM json_each(?))'),
    ofCustomers: db.prepare('SELECT data FROM tasks WHERE customer_id IN (SELECT value FROM json_each(?))').pluck(),
  };
  const insert = (row: TaskRow) =>
    void s.insert.run(row.task.id, row.task.customerId, row.teamId, row.task.status, row.holder, row.leaseUntil, row.epoch, JSON.stringify(row.task));
  const update = (row: TaskRow) => void s.update.run(row.task.status, row.holder, row.leaseUntil, row.epoch, JSON.stringify(row.task), row.task.id);
  return {
    // SQLite has one writer at a time, so reading inside the write transaction is already exclusive.
    getTask: (id) => {
      const r = s.get.get(id) as TaskSql | undefined;
      return r ? toTask(r) : null;
    },
    insertTask: insert,
    updateTask: update,
    // In-process statements cost no round trip: the batch forms are plain loops.
    insertTasks: (rows) => rows.forEach(insert),
    updateTasks: (rows) => rows.forEach(update),
    getTasks: (ids) => (s.many.all(JSON.stringify(ids)) as TaskSql[]).map(toTask),
    listTasksOfCustomers: (ids) => (s.ofCustomers.all(JSON.stringify(ids)) as string[]).map((d) => JSON.parse(d) as FollowUpTask),
  };
}
