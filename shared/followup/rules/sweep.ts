import { DateTime } from 'luxon';
import type { Customer, FollowUpTask, HistoryEvent } from '../../domain';
import { DAY_MS, durationMs, toIso, toMillis } from '../time';
import { matchConditions } from './match';
import { byUrgency, propose, reasonText, type RuleResult, type Skipped } from './propose';
import { DEFAULT_POLICY, type FollowUpPolicy, type Rule, type ScheduleTrigger } from './schema';

export interface Contract {
  id: string;
  endsAt: string;
}

/** What sweep() needs per customer; the server derives it from its store (see lastActivityAt). */
export interface CustomerActivity {
  customer: Customer;
  /** The customer's last own activity; null when there was none since sign-up. */
  lastActivityAt: string | null;
  /** Contracts whose end drives renewal rules (anchor "contract_end"). */
  contracts?: readonly Contract[];
}

/**
 * Activity means the customer did something: ordered, opened a ticket, answered, called in, gave
 * feedback. Our own unanswered calls and follow-up bookkeeping are not activity, or every failed
 * reactivation call would postpone the next one.
 */
export function isCustomerActivity(event: HistoryEvent): boolean {
  switch (event.kind) {
    case 'order':
    case 'ticket':
    case 'feedback':
      return true;
    case 'call':
      return event.payload.direction === 'inbound' || event.payload.answeredAt !== null;
    case 'followup':
    case 'note':
      return false;
  }
}

export function lastActivityAt(events: readonly HistoryEvent[]): string | null {
  let best: number | null = null;
  for (const event of events) {
    if (!isCustomerActivity(event)) continue;
    const at = toMillis(event.occurredAt, `event ${event.id} occurredAt`);
    if (best === null || at > best) best = at;
  }
  return best === null ? null : toIso(best);
}

interface Occurrence {
  triggerKey: string;
  dueMs: number;
  slaMs: number;
  what: string;
}

/**
 * Time-based rules (inactivity, anniversaries, renewals): run it periodically, e.g. hourly. Like
 * evaluate(), re-running creates nothing twice. `skipped` lists only due occurrences held back by a
 * guard (open task, cool-down, do-not-call); customers a rule does not concern are not listed,
 * or every sweep would report the whole customer base.
 */
export function sweep(
  rules: readonly Rule[],
  activities: readonly CustomerActivity[],
  existingTasks: readonly FollowUpTask[],
  now: string,
  policy: FollowUpPolicy = DEFAULT_POLICY,
): RuleResult {
  const nowMs = toMillis(now, 'now');
  const scheduled = rules.filter((r) => r.enabled).sort(byUrgency);
  const tasksByCustomer = new Map<string, FollowUpTask[]>();
  for (const task of existingTasks) {
    const list = tasksByCustomer.get(task.customerId);
    if (list) list.push(task);
    else tasksByCustomer.set(task.customerId, [task]);
  }
  const result: RuleResult = { create: [], skipped: [] };
  for (const activity of activities) {
    const known = [...(tasksByCustomer.get(activity.customer.id) ?? [])];
    for (const rule of scheduled) {
      const trigger = rule.trigger;
      if (trigger.kind !== 'inactivity' && trigger.kind !== 'anniversary') continue;
      if (matchConditions(rule.conditions, activity.customer, null) !== null) continue;
      for (const occurrence of occurrences(rule, trigger, activity, nowMs)) {
        const outcome = propose(
          { rule, customer: activity.customer, triggerKey: occurrence.triggerKey, dueMs: occurrence.dueMs, slaMs: occurrence.slaMs, reason: reasonText(rule, occurrence.what), reasonEventId: null },
          known,
          nowMs,
          policy,
        );
        if (outcome.ok) {
          result.create.push(outcome.draft);
          known.push(outcome.draft);
        } else if (worthReporting(outcome.skip)) result.skipped.push(outcome.skip);
      }
    }
  }
  return result;
}

function worthReporting(skip: Skipped): boolean {
  return skip.reason !== 'already_created' && skip.reason !== 'too_late';
}

/** The occurrences of a schedule that are due now (dueAt ≤ now < slaAt). */
function occurrences(rule: Rule, trigger: ScheduleTrigger, activity: CustomerActivity, nowMs: number): Occurrence[] {
  const delayMs = durationMs(rule.delay);
  const windowMs = durationMs(rule.dueWindow);
  if (trigger.kind === 'inactivity') {
    const sinceIso = activity.lastActivityAt ?? activity.customer.createdAt;
    const since = toMillis(sinceIso, 'lastActivityAt');
    const naturalDue = since + trigger.days * DAY_MS + delayMs;
    if (nowMs < naturalDue) return [];
    if (trigger.maxDays !== undefined && nowMs >= since + trigger.maxDays * DAY_MS) return [];
    // An inactivity episode has no deadline of its own: found late (a new rule, a sweep outage),
    // the call is due now with a full window, not born overdue. The key is the episode.
    const dueMs = Math.max(naturalDue, nowMs);
    const days = Math.floor((nowMs - since) / DAY_MS);
    return [{ triggerKey: `inactive:${toIso(since)}`, dueMs, slaMs: dueMs + windowMs, what: `no activity for ${days} days` }];
  }
  const anchors =
    trigger.anchor === 'signup'
      ? [{ key: 'signup', at: activity.customer.createdAt, what: 'signed up' }]
      : (activity.contracts ?? []).map((c) => ({ key: `contract:${c.id}`, at: c.endsAt, what: `contract ${c.id} ends` }));
  const found: Occurrence[] = [];
  for (const anchor of anchors) {
    const anchorDt = DateTime.fromMillis(toMillis(anchor.at, `${anchor.key} date`), { zone: 'utc' });
    const at = (year: number) => anchorDt.plus({ years: year }).toMillis() + trigger.offsetDays * DAY_MS + delayMs;
    // Yearly: only the occurrences around now can be inside their window; once: year 0 only.
    const estimate = Math.floor((nowMs - at(0)) / (365.2425 * DAY_MS));
    const years = trigger.yearly ? [estimate + 1, estimate, estimate - 1].filter((y) => y >= 0) : [0];
    for (const year of years) {
      const dueMs = at(year);
      if (dueMs <= nowMs && nowMs < dueMs + windowMs) {
        found.push({ triggerKey: `${anchor.key}:${anchor.at}:${year}`, dueMs, slaMs: dueMs + windowMs, what: `${anchor.what} ${anchor.at.slice(0, 10)}` });
        break;
      }
    }
  }
  return found;
}
