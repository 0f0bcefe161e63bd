import type { FollowUpTask, HistoryEventOf } from '../domain';
import { toMillis } from './time';

export type OutcomeResult = 'done' | 'skipped' | 'retry';

/**
 * The server's view of a console's wrap-up: the task after an outcome, read from the `followup`
 * event the console wrote (it ran afterAttempt with the customer's zone and calendar, which the
 * server does not keep per customer). What a console may decide is bounded here, so a buggy or
 * hostile console cannot hand a task to a colleague, rewind its dials or skip more than one:
 *   - status: retry → queued, else done / skipped;
 *   - dials: the event's count, kept within [before, before + 1]; without one, a skip or a
 *     reschedule counts none and anything else one;
 *   - due and SLA move only for a task queued again (retry, callback, reschedule);
 *   - a queued task is assigned back only to the agent who sent the outcome (their callback), else
 *     to nobody; a closed one records who closed it.
 */
export function taskAfterOutcome(
  task: FollowUpTask,
  result: OutcomeResult,
  event: HistoryEventOf<'followup'> | null,
  actorId: string,
): FollowUpTask {
  const p = event?.payload;
  const status = result === 'retry' ? 'queued' : result;
  const uncounted = p?.decision === 'skipped' || p?.decision === 'rescheduled';
  const proposed = p?.attempts ?? task.attempts + (uncounted ? 0 : 1);
  const attempts = Math.min(task.attempts + 1, Math.max(task.attempts, proposed));
  if (status !== 'queued') return { ...task, status, attempts, assignedTo: actorId };
  const dueAt = p?.nextDueAt ?? task.dueAt;
  const slaAt = p?.nextSlaAt !== undefined && toMillis(p.nextSlaAt, 'nextSlaAt') >= toMillis(dueAt, 'nextDueAt') ? p.nextSlaAt : laterOf(task.slaAt, dueAt);
  return { ...task, status, attempts, dueAt, slaAt, assignedTo: p?.assignedTo === actorId ? actorId : null };
}

/** Whether the outcome is the customer asking never to be called again (sets Customer.doNotCall). */
export function asksNotToBeCalled(event: HistoryEventOf<'followup'> | null): boolean {
  return event?.payload.outcome === 'do_not_call';
}

function laterOf(a: string, b: string): string {
  return toMillis(a, 'slaAt') >= toMillis(b, 'dueAt') ? a : b;
}
