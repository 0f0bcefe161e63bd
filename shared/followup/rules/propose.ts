import type { Customer, FollowUpTask } from '../../domain';
import { digest128 } from '../hash';
import { DAY_MS, toIso } from '../time';
import { cooldownSlot, isOpen } from './guard';
import type { FollowUpPolicy, Rule } from './schema';

/** A task a rule wants created: a full FollowUpTask (status queued), carrying the rule's routing. */
export type TaskDraft = FollowUpTask & { status: 'queued'; ruleId: string; team: string; scriptId: string; surveyId: string | null };

export type SkipReason =
  | 'disabled'
  | 'trigger_not_met'
  | 'condition_not_met'
  | 'do_not_call'
  | 'too_late'
  | 'already_created'
  | 'open_task_exists'
  | 'cooldown';

export interface Skipped {
  rule: string;
  customerId: string;
  reason: SkipReason;
  detail: string;
}

export interface RuleResult {
  create: TaskDraft[];
  skipped: Skipped[];
}

/**
 * Same (rule, customer, trigger) → same id, on every console and on the server, so re-running the
 * rules over the same history creates nothing twice and two writers of the same task merge.
 * "fu-" + rule id (≤ 24) + "-" + 32 hex = at most 60 characters, inside TaskId's 64.
 */
export function followUpTaskId(ruleId: string, customerId: string, triggerKey: string): string {
  return `fu-${ruleId}-${digest128(JSON.stringify([ruleId, customerId, triggerKey]))}`;
}

export interface Proposal {
  rule: Rule;
  customer: Customer;
  /** What fired, e.g. "order:O-1" or "inactive:2026-01-01T00:00:00.000Z" (see followUpTaskId). */
  triggerKey: string;
  dueMs: number;
  slaMs: number;
  reason: string;
  reasonEventId: string | null;
}

/** Rules fire in this order so that, when the cool-down lets only one through, the most urgent wins. */
export function byUrgency(a: Rule, b: Rule): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The guards every rule passes through, event or schedule alike: do-not-call, lateness, the same
 * trigger already handled, an open task of the type, the cool-down. `known` must include drafts
 * created earlier in the same run.
 */
export function propose(p: Proposal, known: readonly FollowUpTask[], nowMs: number, policy: FollowUpPolicy): { ok: true; draft: TaskDraft } | { ok: false; skip: Skipped } {
  const { rule, customer } = p;
  const skip = (reason: SkipReason, detail: string) => ({ ok: false as const, skip: { rule: rule.id, customerId: customer.id, reason, detail } });
  if (customer.doNotCall === true) return skip('do_not_call', 'the customer asked not to be called');
  if (nowMs >= p.slaMs) return skip('too_late', `the due window ended at ${toIso(p.slaMs)}`);
  const id = followUpTaskId(rule.id, customer.id, p.triggerKey);
  const mine = known.filter((t) => t.customerId === customer.id);
  if (mine.some((t) => t.id === id)) return skip('already_created', `task ${id} exists for ${p.triggerKey}`);
  const open = mine.find((t) => t.type === rule.type && isOpen(t));
  if (open) return skip('open_task_exists', `task ${open.id} of type ${rule.type} is still ${open.status}`);
  // The cool-down may push the call later, but never past the SLA the business promised.
  const dueMs = cooldownSlot(p.dueMs, mine, policy.cooldownDays * DAY_MS);
  if (dueMs >= p.slaMs) return skip('cooldown', `another follow-up is planned within ${policy.cooldownDays} days and the window ends ${toIso(p.slaMs)}`);
  return {
    ok: true,
    draft: {
      id,
      customerId: customer.id,
      type: rule.type,
      status: 'queued',
      priority: rule.priority,
      dueAt: toIso(dueMs),
      slaAt: toIso(p.slaMs),
      reasonEventId: p.reasonEventId,
      reason: p.reason.slice(0, 300),
      attempts: 0,
      assignedTo: null,
      createdAt: toIso(nowMs),
      ruleId: rule.id,
      team: rule.team,
      scriptId: rule.scriptId,
      surveyId: rule.surveyId,
    },
  };
}

/** Reason line for the queue: the rule's description (or id), then what happened. */
export function reasonText(rule: Rule, what: string): string {
  return `${rule.description ?? rule.id}: ${what}`;
}

