import type { FollowUpTask } from '../domain';
import { toMillis } from './time';

/**
 * One queue order for the console (offline, local queue) and the server (claims), so an agent
 * sees the same "next" task wherever it was computed.
 */

/**
 * How much of the due window has gone: 0 until due, 1 at the SLA, above 1 once it is missed.
 * A task with no window (slaAt ≤ dueAt) jumps from 0 to 1 when it becomes due.
 */
export function slaRisk(task: Pick<FollowUpTask, 'dueAt' | 'slaAt'>, now: string): number {
  return riskMs(toMillis(task.dueAt, 'dueAt'), toMillis(task.slaAt, 'slaAt'), toMillis(now, 'now'));
}

function riskMs(dueMs: number, slaMs: number, nowMs: number): number {
  if (nowMs < dueMs) return 0;
  if (slaMs <= dueMs) return 1;
  return (nowMs - dueMs) / (slaMs - dueMs);
}

export type SlaLevel = 'ok' | 'at_risk' | 'breached';

/** Past this share of the window a task counts as at risk: it climbs one priority level. */
export const AT_RISK = 0.75;

export function slaLevel(risk: number): SlaLevel {
  return risk >= 1 ? 'breached' : risk >= AT_RISK ? 'at_risk' : 'ok';
}

export interface OrderingContext {
  now: string;
  /** The agent asking: their own callbacks come first once due (a promise to the customer). */
  agent?: string | null;
}

type Key = [number, number, number, number, number, string];

/**
 * Due tasks first. Among due tasks: the agent's own assigned ones (callbacks), then effective
 * priority (at-risk tasks climb one level, so a P3 about to miss its SLA goes before a fresh P2
 * but not before a fresh P1), then higher risk, then earlier due, then id, so the order is total
 * and the same on every machine. Tasks not yet due follow, soonest first.
 */
function sortKey(task: FollowUpTask, nowMs: number, agent: string | null): Key {
  const dueMs = toMillis(task.dueAt, `task ${task.id} dueAt`);
  if (dueMs > nowMs) return [1, 0, 0, 0, dueMs, task.id];
  const risk = riskMs(dueMs, toMillis(task.slaAt, `task ${task.id} slaAt`), nowMs);
  const own = agent !== null && task.assignedTo === agent ? 0 : 1;
  const effective = task.priority - (risk >= AT_RISK ? 1 : 0);
  return [0, own, effective, -risk, dueMs, task.id];
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** A comparator for Array.prototype.sort. For large queues prefer sortQueue, which parses each task once. */
export function compareTasks(context: OrderingContext): (a: FollowUpTask, b: FollowUpTask) => number {
  const nowMs = toMillis(context.now, 'now');
  const agent = context.agent ?? null;
  return (a, b) => compareKeys(sortKey(a, nowMs, agent), sortKey(b, nowMs, agent));
}

/** A sorted copy of the queue. */
export function sortQueue<T extends FollowUpTask>(tasks: readonly T[], context: OrderingContext): T[] {
  const nowMs = toMillis(context.now, 'now');
  const agent = context.agent ?? null;
  return tasks
    .map((task) => ({ task, key: sortKey(task, nowMs, agent) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((entry) => entry.task);
}
