import type { FollowUpTask, HistoryEvent, TaskStatus } from '../../../shared/domain';
import { AGENTS, TASK_REASONS, TASK_TYPES, type Lang, type TaskType } from './catalog';
import type { Random } from './prng';
import { BUILTIN_RULES } from '../../../shared/followup/rules/builtin';

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

/** What the built-in rule for each type writes on its tasks (shared/followup/rules/builtin.ts). */
const RULE_FIELDS: Readonly<Record<TaskType, { ruleId: string; team: string; scriptId: string; surveyId: string | null }>> = Object.fromEntries(
  TASK_TYPES.map((type) => {
    const rule = BUILTIN_RULES.find((r) => r.type === type && r.enabled);
    if (!rule) throw new Error(`no enabled built-in rule for ${type}`);
    return [type, { ruleId: rule.id, team: rule.team, scriptId: rule.scriptId, surveyId: rule.surveyId }];
  }),
) as Record<TaskType, { ruleId: string; team: string; scriptId: string; surveyId: string | null }>;

/**
 * The event a rule would have fired on: the latest delivered order (any order, for older data)
 * for a survey, the latest complaint ticket for a care call; none for time-based rules.
 */
function reasonEventOf(type: TaskType, events: readonly HistoryEvent[]): HistoryEvent | undefined {
  const latest = (match: (e: HistoryEvent) => boolean) => {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (e && match(e)) return e;
    }
    return undefined;
  };
  if (type === 'satisfaction_survey') return latest((e) => e.kind === 'order' && e.payload.status === 'delivered') ?? latest((e) => e.kind === 'order');
  if (type === 'complaint_care') return latest((e) => e.kind === 'ticket' && e.payload.category === 'complaint') ?? latest((e) => e.kind === 'ticket');
  return undefined;
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
  const reasonEvent = reasonEventOf(type, events);
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
    ...RULE_FIELDS[type],
  };
}
