import type { FollowUpTask } from '../../domain';
import { durationMs, toMillis } from '../time';

export interface ExpiryOptions {
  /** How long after its SLA a queued task is still worth a call. Default P7D. */
  staleAfter?: string;
  /** Per type, e.g. a satisfaction survey is pointless after two days, a renewal call is not. */
  staleAfterByType?: Readonly<Record<string, string>>;
}

export const DEFAULT_STALE_AFTER = 'P7D';

/**
 * The queued tasks that went stale, returned as their expired versions (the caller writes them).
 * Leased tasks are left alone: an agent is on them right now. A callback's SLA is set from the
 * time the customer chose (retry.ts), so a promised callback does not expire before it is due.
 */
export function expire(tasks: readonly FollowUpTask[], now: string, options: ExpiryOptions = {}): FollowUpTask[] {
  const nowMs = toMillis(now, 'now');
  const fallback = durationMs(options.staleAfter ?? DEFAULT_STALE_AFTER);
  return tasks
    .filter((task) => {
      if (task.status !== 'queued') return false;
      const typed = options.staleAfterByType?.[task.type];
      const grace = typed === undefined ? fallback : durationMs(typed);
      return toMillis(task.slaAt, `task ${task.id} slaAt`) + grace <= nowMs;
    })
    .map((task) => ({ ...task, status: 'expired' as const }));
}
