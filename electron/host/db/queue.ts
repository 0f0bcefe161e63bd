import type Database from 'better-sqlite3';
import type { Db } from './open';

/**
 * The follow-up queue's pick (services/followup/pick.ts): the head of the queue for one zone,
 * assignee, priority and part, read in order from the indexes of migration 009. The service walks
 * these heads in the shared order (shared/followup/ordering) and applies compliance.
 */

/** Whose tasks: the agent's own (assigned or held: queued or leased), or nobody's (queued). */
export type Assignee = { own: string } | 'free';

/**
 * `at_risk`: promoted tasks (at_risk_at ≤ now), longest at risk first.
 * `due`: tasks due but not at risk (due_at ≤ now < at_risk_at), longest due first.
 */
export type PickPart = 'at_risk' | 'due';

export interface CandidateQuery {
  zone: string;
  assignee: Assignee;
  priority: number;
  part: PickPart;
  now: number;
  /** Tasks with this many dials made are out (RetryPolicy.maxAttempts). */
  maxAttempts: number;
  type: string | null;
  /** Keyset: strictly after this (key, id) in the part's order. */
  after: { key: number; id: string } | null;
  limit: number;
}

export interface PickCandidate {
  id: string;
  customerId: string;
  priority: number;
  dueAt: number;
  atRiskAt: number;
  assignedTo: string | null;
  status: 'queued' | 'leased';
  attempts: number;
  /** The part's sort key: at_risk_at or due_at. */
  key: number;
}

export interface QueueReader {
  /** Distinct calling zones of open tasks, read by skipping through the index (one probe per zone). */
  zones(): string[];
  /** The priorities this zone and assignee have open tasks of (a skip through the index: one probe each). */
  priorities(zone: string, assignee: Assignee): number[];
  candidates(query: CandidateQuery): PickCandidate[];
  /** The earliest due_at after `after` (exclusive) among open tasks of this zone and assignee. */
  earliestDue(query: { zone: string; assignee: Assignee; after: number; maxAttempts: number; type: string | null }): number | null;
  /** The server lease this console holds on a task (sync), or null. */
  leaseUntil(taskId: string): number | null;
}

export interface QueueWriter {
  /** Holds a task for `agent` on this console (leased, assigned); false when it is closed or someone else's. */
  holdLocally(taskId: string, agent: string): boolean;
  /** The server said someone else holds it: mirror that until the next pull brings the task. */
  markHeldElsewhere(taskId: string, holder: string | null, leaseUntil: number | null): void;
}

interface CandidateRow {
  id: string;
  customer_id: string;
  priority: number;
  due_at: number;
  at_risk_at: number;
  assigned_to: string | null;
  status: 'queued' | 'leased';
  attempts: number;
}

const NO_KEY = { key: -Number.MAX_SAFE_INTEGER, id: '' };

/**
 * One statement per (part, assignee kind, type filter): a catch-all with "? IS NULL OR" would hide
 * the filter from the planner. INDEXED BY makes a schema change that breaks the plan fail loudly
 * instead of silently sorting. `+t.status` keeps the planner off the status-first queue indexes.
 */
function candidateSql(part: PickPart, own: boolean, typed: boolean): string {
  const [index, key, window] =
    part === 'at_risk'
      ? ['tasks_pick_at_risk', 't.at_risk_at', 't.at_risk_at <= @now']
      : ['tasks_pick_due', 't.due_at', 't.due_at <= @now AND t.at_risk_at > @now'];
  return `SELECT t.id, t.customer_id, t.priority, t.due_at, t.at_risk_at, t.assigned_to, t.status, t.attempts
            FROM followup_tasks t INDEXED BY ${index}
           WHERE t.status IN ('queued', 'leased') AND t.call_zone = @zone
             AND ${assigneeSql(own)}
             AND t.priority = @priority AND ${window} AND (${key}, t.id) > (@afterKey, @afterId)
             AND t.attempts < @maxAttempts ${typed ? 'AND t.type = @type' : ''}
           ORDER BY ${key}, t.id LIMIT @limit`;
}

const assigneeSql = (own: boolean) => (own ? 't.assigned_to = @agent' : "t.assigned_to IS NULL AND +t.status = 'queued'");

/** The earliest due time after @after over all five priorities: five index seeks in one statement. */
function earliestSql(own: boolean, typed: boolean): string {
  const one = (priority: number) => `SELECT t.due_at AS due FROM followup_tasks t INDEXED BY tasks_pick_due
           WHERE t.status IN ('queued', 'leased') AND t.call_zone = @zone AND ${assigneeSql(own)}
             AND t.priority = ${priority} AND t.due_at > @after AND t.attempts < @maxAttempts ${typed ? 'AND t.type = @type' : ''}
           ORDER BY t.due_at LIMIT 1`;
  return `SELECT min(due) AS due FROM (${[1, 2, 3, 4, 5].map((p) => `SELECT * FROM (${one(p)})`).join(' UNION ALL ')})`;
}

function prioritiesSql(own: boolean): string {
  const scope = `t.status IN ('queued', 'leased') AND t.call_zone = @zone AND ${assigneeSql(own)}`;
  return `WITH RECURSIVE p (priority) AS (
            SELECT min(t.priority) FROM followup_tasks t INDEXED BY tasks_pick_due WHERE ${scope}
            UNION ALL
            SELECT (SELECT min(t.priority) FROM followup_tasks t INDEXED BY tasks_pick_due WHERE ${scope} AND t.priority > p.priority)
              FROM p WHERE p.priority IS NOT NULL
          ) SELECT priority FROM p WHERE priority IS NOT NULL`;
}

type Params = Record<string, string | number | null>;

export function queueStore(db: Db): QueueReader & QueueWriter {
  // Keyed by the statement's text, built once per shape (a handful of shapes).
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const statement = (key: string, build: () => string) => {
    let s = cache.get(key);
    if (!s) {
      s = db.prepare(build());
      cache.set(key, s);
    }
    return s;
  };
  const zonesSql = `WITH RECURSIVE z (zone) AS (
       SELECT min(call_zone) FROM followup_tasks INDEXED BY tasks_pick_due WHERE status IN ('queued', 'leased')
       UNION ALL
       SELECT (SELECT min(call_zone) FROM followup_tasks INDEXED BY tasks_pick_due WHERE status IN ('queued', 'leased') AND call_zone > z.zone)
         FROM z WHERE z.zone IS NOT NULL
     ) SELECT zone FROM z WHERE zone IS NOT NULL`;
  // An initial sync (replica.beginInitialLoad) drops the pick indexes until its rebuild: no zone
  // is pickable then (the zones are not computed yet either), and every pick starts here.
  let zones: Database.Statement<[], { zone: string }> | null = null;
  const pickIndexed = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'index' AND name IN ('tasks_pick_due', 'tasks_pick_at_risk')");
  const lease = db.prepare<[string], { lease_until: number | null }>('SELECT lease_until FROM task_leases WHERE task_id = ?');
  const hold = db.prepare<{ id: string; agent: string }>(
    `UPDATE followup_tasks SET status = 'leased', assigned_to = @agent
      WHERE id = @id AND status IN ('queued', 'leased') AND (assigned_to IS NULL OR assigned_to = @agent)`,
  );
  const heldElsewhere = db.prepare<{ id: string; holder: string | null }>(
    "UPDATE followup_tasks SET status = 'leased', assigned_to = @holder WHERE id = @id AND status IN ('queued', 'leased')",
  );
  const upsertLease = db.prepare<{ id: string; holder: string | null; until: number | null }>(
    `INSERT INTO task_leases (task_id, holder, lease_until, epoch) VALUES (@id, @holder, @until, 0)
     ON CONFLICT (task_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until`,
  );
  const markElsewhere = db.transaction((id: string, holder: string | null, until: number | null) => {
    heldElsewhere.run({ id, holder });
    upsertLease.run({ id, holder: holder === null ? null : holder, until: holder === null ? null : until });
  });

  const assigneeParams = (assignee: Assignee): Params => (assignee === 'free' ? {} : { agent: assignee.own });

  return {
    zones() {
      if (pickIndexed.get()?.n !== 2) return [];
      zones ??= db.prepare<[], { zone: string }>(zonesSql);
      return zones.all().map((r) => r.zone);
    },
    priorities(zone, assignee) {
      const rows = statement(`priorities ${assignee !== 'free'}`, () => prioritiesSql(assignee !== 'free')).all({ ...assigneeParams(assignee), zone }) as { priority: number }[];
      return rows.map((r) => r.priority);
    },
    candidates(q) {
      const own = q.assignee !== 'free';
      const after = q.after ?? NO_KEY;
      const params: Params = {
        ...assigneeParams(q.assignee),
        zone: q.zone,
        priority: q.priority,
        now: q.now,
        afterKey: after.key,
        afterId: after.id,
        maxAttempts: q.maxAttempts,
        limit: q.limit,
        ...(q.type !== null ? { type: q.type } : {}),
      };
      const rows = statement(`candidates ${q.part} ${own} ${q.type !== null}`, () => candidateSql(q.part, own, q.type !== null)).all(params) as CandidateRow[];
      return rows.map((r) => ({
        id: r.id,
        customerId: r.customer_id,
        priority: r.priority,
        dueAt: r.due_at,
        atRiskAt: r.at_risk_at,
        assignedTo: r.assigned_to,
        status: r.status,
        attempts: r.attempts,
        key: q.part === 'at_risk' ? r.at_risk_at : r.due_at,
      }));
    },
    earliestDue(q) {
      const s = statement(`earliest ${q.assignee !== 'free'} ${q.type !== null}`, () => earliestSql(q.assignee !== 'free', q.type !== null));
      const params: Params = { ...assigneeParams(q.assignee), zone: q.zone, after: q.after, maxAttempts: q.maxAttempts, ...(q.type !== null ? { type: q.type } : {}) };
      return (s.get(params) as { due: number | null } | undefined)?.due ?? null;
    },
    leaseUntil: (taskId) => lease.get(taskId)?.lease_until ?? null,
    holdLocally: (taskId, agent) => hold.run({ id: taskId, agent }).changes === 1,
    markHeldElsewhere: (taskId, holder, leaseUntil) => markElsewhere(taskId, holder, leaseUntil),
  };
}

/** The statements the pick runs, for the migration/plan tests and the bench. */
export const PICK_SQL = { candidate: candidateSql, earliest: earliestSql, priorities: prioritiesSql };
