import type { FollowUpTask } from '../../../shared/domain';
import type { Queries, TaskRow } from '../queries';
import { one, type Exec } from './exec';

interface TaskSql {
  team_id: string;
  holder: string | null;
  lease_until: number | null;
  lease_epoch: number;
  data: FollowUpTask;
}
const taskJson = (r: TaskRow) => ({ team_id: r.teamId, holder: r.holder, lease_until: r.leaseUntil, lease_epoch: r.epoch, data: r.task });
const toTask = (r: TaskSql): TaskRow => ({ teamId: r.team_id, holder: r.holder, leaseUntil: r.lease_until, epoch: r.lease_epoch, task: r.data });

export function taskQueries(db: Exec): Pick<Queries, 'getTask' | 'insertTask' | 'updateTask' | 'getTasks' | 'listTasksOfCustomers' | 'insertTasks' | 'updateTasks'> {
  return {
    // FOR UPDATE makes concurrent claims of one task wait in line, each then seeing the previous winner.
    getTask: async (id, forUpdate = false) => {
      const r = await one<TaskSql>(db, `SELECT team_id, holder, lease_until, lease_epoch, data FROM tasks WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return r ? toTask(r) : null;
    },
    getTasks: async (ids, forUpdate = false) =>
      (
        await db.query<TaskSql>(
          `SELECT team_id, holder, lease_until, lease_epoch, data FROM tasks WHERE id = ANY($1::text[])${forUpdate ? ' ORDER BY id FOR UPDATE' : ''}`,
          [ids],
        )
      ).rows.map(toTask),
    listTasksOfCustomers: async (ids) =>
      (await db.query<{ data: FollowUpTask }>('SELECT data FROM tasks WHERE customer_id = ANY($1::text[])', [ids])).rows.map((r) => r.data),
    insertTask: async (row) =>
      void (await db.query(
        'INSERT INTO tasks (id, customer_id, team_id, status, holder, lease_until, lease_epoch, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [row.task.id, row.task.customerId, row.teamId, row.task.status, row.holder, row.leaseUntil, row.epoch, JSON.stringify(row.task)],
      )),
    // Rows travel as one JSON document: pg's text-array escaping of JSON strings costs more than the write.
    insertTasks: async (rows) => {
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO tasks (id, customer_id, team_id, status, holder, lease_until, lease_epoch, data)
         SELECT t.data->>'id', t.data->>'customerId', t.team_id, t.data->>'status', t.holder, t.lease_until, t.lease_epoch, t.data
         FROM jsonb_to_recordset($1::jsonb) AS t(team_id text, holder text, lease_until bigint, lease_epoch int, data jsonb)`,
        [JSON.stringify(rows.map(taskJson))],
      );
    },
    updateTasks: async (rows) => {
      if (rows.length === 0) return;
      await db.query(
        `UPDATE tasks SET status = t.data->>'status', holder = t.holder, lease_until = t.lease_until, lease_epoch = t.lease_epoch, data = t.data
         FROM jsonb_to_recordset($1::jsonb) AS t(holder text, lease_until bigint, lease_epoch int, data jsonb)
         WHERE tasks.id = t.data->>'id'`,
        [JSON.stringify(rows.map(taskJson))],
      );
    },
    updateTask: async (row) =>
      void (await db.query('UPDATE tasks SET status = $1, holder = $2, lease_until = $3, lease_epoch = $4, data = $5 WHERE id = $6', [
        row.task.status,
        row.holder,
        row.leaseUntil,
        row.epoch,
        JSON.stringify(row.task),
        row.task.id,
      ])),
  };
}
