import type { FollowUpTask } from '../domain';
import { toIso, toMillis } from './time';

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

/**
 * The instant a task becomes at risk (slaRisk ≥ AT_RISK): due + ¾ of its window, rounded up to
 * the millisecond, so `now ≥ atRiskAt` is exactly `slaRisk(task, now) ≥ 0.75` for instants in
 * whole milliseconds. A task without a window is at risk as soon as it is due. It does not depend
 * on "now", so a store can keep it in an index (the console's local queue does:
 * `followup_tasks.at_risk_at`, migration 009, the same formula in SQL).
 */
export function atRiskAtMs(dueMs: number, slaMs: number): number {
  return slaMs <= dueMs ? dueMs : dueMs + Math.ceil(((slaMs - dueMs) * 3) / 4);
}

export function atRiskAt(task: Pick<FollowUpTask, 'dueAt' | 'slaAt'>): string {
  return toIso(atRiskAtMs(toMillis(task.dueAt, 'dueAt'), toMillis(task.slaAt, 'slaAt')));
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
 * but not before a fresh P1). Within a level the promoted (at-risk) tasks come first, longest at
 * risk first (earliest atRiskAt); then the others, longest due first; then id, so the order is
 * total and the same on every machine. Tasks not yet due follow, soonest first.
 *
 * Every key is a stored column or a threshold on one ("at risk" = atRiskAt ≤ now), never a value
 * that drifts with the clock (the share of the window used did, and could only be sorted in
 * memory): so a store can read the head of the queue from indexes (docs/followup.md, "Local queue").
 */
function sortKey(task: FollowUpTask, nowMs: number, agent: string | null): Key {
  const dueMs = toMillis(task.dueAt, `task ${task.id} dueAt`);
  if (dueMs > nowMs) return [1, 0, 0, 0, dueMs, task.id];
  const riskAt = atRiskAtMs(dueMs, toMillis(task.slaAt, `task ${task.id} slaAt`));
  const atRisk = riskAt <= nowMs;
  const own = agent !== null && task.assignedTo === agent ? 0 : 1;
  const effective = task.priority - (atRisk ? 1 : 0);
  return atRisk ? [0, own, effective, 0, riskAt, task.id] : [0, own, effective, 1, dueMs, task.id];
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
