import type { FollowUpTask } from '../../domain';
import { toMillis } from '../time';

/** Queued or leased: someone may still call the customer about it. */
export function isOpen(task: FollowUpTask): boolean {
  return task.status === 'queued' || task.status === 'leased';
}

/**
 * Tasks that stand for a call the customer got or will get. A task skipped or expired before anyone
 * dialled never reached the customer, so it does not use up the cool-down; one with attempts did
 * (an unanswered call still rings their phone).
 */
export function countsForCooldown(task: FollowUpTask): boolean {
  return isOpen(task) || task.status === 'done' || task.attempts > 0;
}

/**
 * The earliest due time ≥ `dueMs` that is at least `cooldownMs` away from every counted task's due
 * time, in both directions (a task already planned for next week blocks this week too).
 * One pass over the due times in ascending order suffices: the candidate only moves forward, past
 * each conflicting task, and earlier tasks can no longer conflict once it has moved past a later one.
 */
export function cooldownSlot(dueMs: number, customerTasks: readonly FollowUpTask[], cooldownMs: number): number {
  if (cooldownMs <= 0) return dueMs;
  const planned = customerTasks
    .filter(countsForCooldown)
    .map((t) => toMillis(t.dueAt, `task ${t.id} dueAt`))
    .sort((a, b) => a - b);
  let candidate = dueMs;
  for (const at of planned) {
    if (Math.abs(at - candidate) < cooldownMs) candidate = at + cooldownMs;
  }
  return candidate;
}
