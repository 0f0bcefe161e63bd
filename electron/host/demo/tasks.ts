import type { FollowUpTask, HistoryEvent, TaskStatus } from '../../../shared/domain';
import { AGENTS, TASK_REASONS, TASK_TYPES, type Lang, type TaskType } from './catalog';
import type { Random } from './prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Which follow-up the customer's latest events would trigger (as the rules engine would). */
function typeFor(rng: Random, segment: string | null, events: readonly HistoryEvent[], anchorMs: number): TaskType {
  const last = events.at(-1);
  if (events.some((e) => e.kind === 'ticket' && e.payload.category === 'complaint' && Date.parse(e.occurredAt) > anchorMs - 30 * DAY)) return 'complaint_care';
  if (segment === 'new') return 'onboarding_check';
  if (!last || Date.parse(last.occurredAt) < anchorMs - 180 * DAY) return 'reactivation';
  return rng.weighted(TASK_TYPES.map((t) => [t, t === 'satisfaction_survey' ? 6 : 1] as const));
}

export function demoTask(
  rng: Random,
  id: string,
  customer: { id: string; segment: string | null; lang: Lang },
  events: readonly HistoryEvent[],
  anchorMs: number,
): FollowUpTask {
  const type = typeFor(rng, customer.segment, events, anchorMs);
  const status: TaskStatus = rng.weighted([['queued', 70], ['leased', 3], ['done', 15], ['skipped', 5], ['expired', 7]] as const);
  const dueAt = anchorMs + rng.int(-7 * 24, 14 * 24) * HOUR;
  const reasonEvent = [...events].reverse().find((e) => (type === 'complaint_care' ? e.kind === 'ticket' : e.kind === 'order'));
  return {
    id,
    customerId: customer.id,
    type,
    status,
    priority: type === 'complaint_care' ? rng.int(1, 2) : customer.segment === 'vip' ? rng.int(2, 3) : rng.int(3, 5),
    dueAt: new Date(dueAt).toISOString(),
    slaAt: new Date(dueAt + rng.int(1, 3) * DAY).toISOString(),
    reasonEventId: reasonEvent?.id ?? null,
    reason: TASK_REASONS[type][customer.lang],
    attempts: status === 'queued' ? rng.weighted([[0, 8], [1, 2], [2, 1]]) : rng.int(1, 3),
    assignedTo: status === 'leased' || status === 'done' ? rng.pick(AGENTS) : null,
    createdAt: new Date(dueAt - rng.int(1, 72) * HOUR).toISOString(),
    ruleId: `rule-${type}`,
    ...(type === 'complaint_care' ? { team: 'care' } : {}),
  };
}
