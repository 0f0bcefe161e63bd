import { FollowUpTask, type TaskStatus } from '../../../shared/domain';
import { fromMillis, toMillis } from './instant';
import type { Db } from './open';
import { idOf, validated } from './validate';

export interface TaskQuery {
  status?: TaskStatus | undefined;
  /** Only tasks leased to this agent (status is then ignored). */
  heldBy?: string | undefined;
  type?: string | undefined;
  limit: number;
  offset: number;
}

export type QueuedTask = FollowUpTask & { customerName: string };

export interface TaskReader {
  /** Queue order: priority (1 first), then due time, then id for a stable order. */
  list(query: TaskQuery): { total: number; tasks: QueuedTask[] };
  byId(id: string): FollowUpTask | null;
}

export interface TaskWriter {
  insert(task: FollowUpTask): void;
  insertMany(tasks: Iterable<FollowUpTask>): number;
}

interface TaskRow {
  id: string;
  customer_id: string;
  type: string;
  status: string;
  priority: number;
  due_at: number;
  sla_at: number;
  reason_event_id: string | null;
  reason: string;
  attempts: number;
  assigned_to: string | null;
  created_at: number;
  rule_id: string | null;
  team: string | null;
  script_id: string | null;
  survey_id: string | null;
}

const COLUMNS = `t.id, t.customer_id, t.type, t.status, t.priority, t.due_at, t.sla_at, t.reason_event_id,
  t.reason, t.attempts, t.assigned_to, t.created_at, t.rule_id, t.team, t.script_id, t.survey_id`;
/**
 * One statement per filter combination: an "?1 IS NULL OR status = ?1" catch-all would hide the
 * filter from the planner and sort the whole table on every page.
 */
const FILTERS = {
  none: '1 = 1',
  status: 't.status = @status',
  type: 't.type = @type',
  both: 't.status = @status AND t.type = @type',
  // Held tasks are few: the status index finds them, the agent is checked on each.
  held: "t.status = 'leased' AND t.assigned_to = @agent",
  heldType: "t.status = 'leased' AND t.assigned_to = @agent AND t.type = @type",
} as const;
type FilterName = keyof typeof FILTERS;

interface FilterParams {
  status: string | null;
  type: string | null;
  agent: string | null;
}

/**
 * A task as named parameters of the followup_tasks columns (instants as epoch ms, absent optional
 * fields as NULL): one mapping for local writes and for tasks pulled from the server.
 */
export function taskParams(t: FollowUpTask) {
  return {
    ...t,
    dueAt: toMillis(t.dueAt),
    slaAt: toMillis(t.slaAt),
    createdAt: toMillis(t.createdAt),
    ruleId: t.ruleId ?? null,
    team: t.team ?? null,
    scriptId: t.scriptId ?? null,
    surveyId: t.surveyId ?? null,
  };
}

export function taskStore(db: Db): TaskReader & TaskWriter {
  const prepareFilter = (filter: string) => ({
    list: db.prepare<[FilterParams & { limit: number; offset: number }], TaskRow & { customer_name: string }>(
      `SELECT ${COLUMNS}, c.name AS customer_name
         FROM followup_tasks t JOIN customers c ON c.id = t.customer_id
        WHERE ${filter}
        ORDER BY t.priority, t.due_at, t.id LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<[FilterParams], { n: number }>(`SELECT count(*) AS n FROM followup_tasks t WHERE ${filter}`),
  });
  const byFilter = {
    none: prepareFilter(FILTERS.none),
    status: prepareFilter(FILTERS.status),
    type: prepareFilter(FILTERS.type),
    both: prepareFilter(FILTERS.both),
    held: prepareFilter(FILTERS.held),
    heldType: prepareFilter(FILTERS.heldType),
  } satisfies Record<FilterName, unknown>;
  const selectById = db.prepare<[string], TaskRow>(`SELECT ${COLUMNS} FROM followup_tasks t WHERE t.id = ?`);
  const insertTask = db.prepare(
    `INSERT INTO followup_tasks (id, customer_id, type, status, priority, due_at, sla_at, reason_event_id, reason, attempts,
       assigned_to, created_at, rule_id, team, script_id, survey_id)
     VALUES (@id, @customerId, @type, @status, @priority, @dueAt, @slaAt, @reasonEventId, @reason, @attempts,
       @assignedTo, @createdAt, @ruleId, @team, @scriptId, @surveyId)`,
  );

  const write = (task: FollowUpTask): void => {
    const t = validated(FollowUpTask, task, `task ${idOf(task)}`);
    insertTask.run(taskParams(t));
  };
  const writeMany = db.transaction((tasks: Iterable<FollowUpTask>) => {
    let n = 0;
    for (const task of tasks) {
      write(task);
      n += 1;
    }
    return n;
  });

  return {
    list({ status, type, heldBy, limit, offset }) {
      const name: FilterName = heldBy !== undefined ? (type ? 'heldType' : 'held') : status && type ? 'both' : status ? 'status' : type ? 'type' : 'none';
      const statements = byFilter[name];
      const params: FilterParams = { status: status ?? null, type: type ?? null, agent: heldBy ?? null };
      return {
        total: statements.count.get(params)?.n ?? 0,
        tasks: statements.list
          .all({ ...params, limit, offset })
          .map((row) => ({ ...rowToTask(row), customerName: row.customer_name })),
      };
    },
    byId(id) {
      const row = selectById.get(id);
      return row ? rowToTask(row) : null;
    },
    insert: write,
    insertMany: (tasks) => writeMany(tasks),
  };
}

function rowToTask(row: TaskRow): FollowUpTask {
  return validated(
    FollowUpTask,
    {
      id: row.id,
      customerId: row.customer_id,
      type: row.type,
      status: row.status,
      priority: row.priority,
      dueAt: fromMillis(row.due_at),
      slaAt: fromMillis(row.sla_at),
      reasonEventId: row.reason_event_id,
      reason: row.reason,
      attempts: row.attempts,
      assignedTo: row.assigned_to,
      createdAt: fromMillis(row.created_at),
      // Optional fields stay absent when unset, as the rules engine wrote them.
      ...(row.rule_id !== null ? { ruleId: row.rule_id } : {}),
      ...(row.team !== null ? { team: row.team } : {}),
      ...(row.script_id !== null ? { scriptId: row.script_id } : {}),
      ...(row.survey_id !== null ? { surveyId: row.survey_id } : {}),
    },
    `task ${row.id} on disk`,
  );
}
