import type { Customer, FollowUpTask, HistoryEvent } from '../../domain';
import { durationMs, toMillis } from '../time';
import { eventTriggerKey, isEventTrigger, matchConditions, matchTrigger } from './match';
import { byUrgency, propose, reasonText, type RuleResult } from './propose';
import { DEFAULT_POLICY, type FollowUpPolicy, type Rule } from './schema';

/**
 * Runs the event rules on one new history event. Pure: the same inputs give the same drafts with
 * the same ids, so the server may run it again after a crash, or a console may run it offline,
 * without creating anything twice (pass every task the customer has, any status, as existingTasks).
 *
 * Rules whose trigger is another kind are not mentioned in `skipped`; rules of this kind that
 * stayed quiet are, with the reason, so an operator can see why no task appeared.
 */
export function evaluate(
  rules: readonly Rule[],
  event: HistoryEvent,
  customer: Customer,
  existingTasks: readonly FollowUpTask[],
  now: string,
  policy: FollowUpPolicy = DEFAULT_POLICY,
): RuleResult {
  if (event.customerId !== customer.id) {
    throw new RangeError(`event.customerId "${event.customerId}" is not customer.id "${customer.id}"`);
  }
  const nowMs = toMillis(now, 'now');
  const occurredMs = toMillis(event.occurredAt, 'event.occurredAt');
  const known: FollowUpTask[] = [...existingTasks];
  const result: RuleResult = { create: [], skipped: [] };
  const skip = (rule: Rule, reason: 'disabled' | 'trigger_not_met' | 'condition_not_met', detail: string) =>
    result.skipped.push({ rule: rule.id, customerId: customer.id, reason, detail });

  for (const rule of [...rules].sort(byUrgency)) {
    const trigger = rule.trigger;
    if (!isEventTrigger(trigger) || trigger.kind !== event.kind) continue;
    if (!rule.enabled) {
      skip(rule, 'disabled', 'the rule is disabled');
      continue;
    }
    const notTriggered = matchTrigger(trigger, event);
    if (notTriggered !== null) {
      skip(rule, 'trigger_not_met', notTriggered);
      continue;
    }
    const notMatching = matchConditions(rule.conditions, customer, event);
    if (notMatching !== null) {
      skip(rule, 'condition_not_met', notMatching);
      continue;
    }
    const dueMs = occurredMs + durationMs(rule.delay);
    const outcome = propose(
      {
        rule,
        customer,
        triggerKey: eventTriggerKey(event),
        dueMs,
        slaMs: dueMs + durationMs(rule.dueWindow),
        reason: reasonText(rule, event.summary),
        reasonEventId: event.id,
      },
      known,
      nowMs,
      policy,
    );
    if (outcome.ok) {
      result.create.push(outcome.draft);
      known.push(outcome.draft);
    } else result.skipped.push(outcome.skip);
  }
  return result;
}
