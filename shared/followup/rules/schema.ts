import { z } from 'zod';
import { FeedbackPayload, OrderPayload, TicketPayload, CallPayload } from '../../domain';
import { IsoDuration } from '../time';
import { TYPE_PATTERN } from '../types';

/**
 * The rule format: declarative JSON, validated here so a bad rule is refused at load time with the
 * offending field named (`rules[2].trigger.status[0]: …`) instead of silently never matching.
 * Objects are strict: a misspelt key ("dealy") is an error, not an ignored option.
 * docs/followup.md documents every field.
 */

/** Rule ids go into task ids (fu-<rule>-<digest>, ≤ 64 chars), hence the tight limit. */
export const RuleId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,23}$/, 'must be 1–24 characters of a-z, 0-9, _ or -, starting with a letter');

export const FollowUpType = z
  .string()
  .regex(TYPE_PATTERN, 'must be a slug of a-z, 0-9 and _ (built-in: satisfaction_survey, complaint_care, onboarding_check, renewal_call, reactivation)');

const oneOrMore = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50);

/** Inclusive integer range; both ends optional. */
const IntRange = (min: number, max: number) =>
  z
    .strictObject({ min: z.number().int().min(min).max(max).optional(), max: z.number().int().min(min).max(max).optional() })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not exceed max', path: ['min'] });

// Event triggers: one per history kind, with conditions on that kind's payload. The allowed values
// come from the domain enums, so "delivred" is refused instead of matching nothing forever.
const OrderTrigger = z.strictObject({ kind: z.literal('order'), status: oneOrMore(OrderPayload.shape.status).optional() });
const TicketTrigger = z.strictObject({
  kind: z.literal('ticket'),
  category: oneOrMore(TicketPayload.shape.category).optional(),
  status: oneOrMore(TicketPayload.shape.status).optional(),
  priority: oneOrMore(TicketPayload.shape.priority).optional(),
});
const CallTrigger = z.strictObject({
  kind: z.literal('call'),
  direction: oneOrMore(CallPayload.shape.direction).optional(),
  disposition: oneOrMore(z.string().max(64)).optional(),
});
const FeedbackTrigger = z.strictObject({
  kind: z.literal('feedback'),
  channel: oneOrMore(FeedbackPayload.shape.channel).optional(),
  csat: IntRange(1, 5).optional(),
  nps: IntRange(0, 10).optional(),
});
/** A follow-up outcome can start another follow-up, e.g. an unhappy survey answer → care call. */
const FollowupTrigger = z.strictObject({
  kind: z.literal('followup'),
  type: oneOrMore(z.string().max(64)).optional(),
  outcome: oneOrMore(z.string().max(64)).optional(),
});
const NoteTrigger = z.strictObject({ kind: z.literal('note') });

// Schedule triggers: found by sweep(), not by an event.
const InactivityTrigger = z
  .strictObject({
    kind: z.literal('inactivity'),
    /** Days since the last activity (or sign-up, for customers with none). */
    days: z.number().int().min(1).max(3650),
    /** Leave customers inactive this long alone: nobody wants a "we miss you" call after ten years. */
    maxDays: z.number().int().min(2).max(36500).optional(),
  })
  .refine((t) => t.maxDays === undefined || t.maxDays > t.days, { message: 'maxDays must be greater than days', path: ['maxDays'] });

const AnniversaryTrigger = z.strictObject({
  kind: z.literal('anniversary'),
  /** signup = Customer.createdAt; contract_end = each contract's end in the sweep input. */
  anchor: z.enum(['signup', 'contract_end']),
  /** Days relative to the anchor: -30 = thirty days before a contract ends. */
  offsetDays: z.number().int().min(-366).max(366).default(0),
  /** Fire every year on the anchor's anniversary instead of once. */
  yearly: z.boolean().default(false),
});

export const EVENT_TRIGGER_KINDS = ['order', 'ticket', 'call', 'feedback', 'followup', 'note'] as const;
export const SCHEDULE_TRIGGER_KINDS = ['inactivity', 'anniversary'] as const;

export const Trigger = z.discriminatedUnion('kind', [
  OrderTrigger,
  TicketTrigger,
  CallTrigger,
  FeedbackTrigger,
  FollowupTrigger,
  NoteTrigger,
  InactivityTrigger,
  AnniversaryTrigger,
]);
export type Trigger = z.infer<typeof Trigger>;
export type EventTrigger = Extract<Trigger, { kind: (typeof EVENT_TRIGGER_KINDS)[number] }>;
export type ScheduleTrigger = Extract<Trigger, { kind: (typeof SCHEDULE_TRIGGER_KINDS)[number] }>;

export const Conditions = z.strictObject({
  /** Customer.segment must be one of these. */
  segments: oneOrMore(z.string().max(40)).optional(),
  tags: z
    .strictObject({
      any: oneOrMore(z.string().max(40)).optional(),
      all: oneOrMore(z.string().max(40)).optional(),
      none: oneOrMore(z.string().max(40)).optional(),
    })
    .optional(),
  /** Order amount in minor units (fen, cents), inclusive; order triggers only. */
  orderValueMinor: z
    .strictObject({
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      /** Amounts in other currencies never match: 10000 fen is not 10000 cents. */
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY').optional(),
    })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not exceed max', path: ['min'] })
    .optional(),
  /** At least one order item has one of these SKUs; order triggers only. */
  skus: oneOrMore(z.string().max(64)).optional(),
});
export type Conditions = z.infer<typeof Conditions>;

export const Rule = z
  .strictObject({
    id: RuleId,
    type: FollowUpType,
    enabled: z.boolean().default(true),
    /** Shown as the task's reason, before the trigger's own summary. */
    description: z.string().max(200).optional(),
    trigger: Trigger,
    conditions: Conditions.prefault({}),
    /** From the trigger to the moment the task becomes due. */
    delay: IsoDuration.default('PT0S'),
    /** From due to SLA: the task should be worked within this window. */
    dueWindow: IsoDuration.default('P3D'),
    /** 1 (highest) … 5 (lowest). */
    priority: z.number().int().min(1).max(5).default(3),
    team: z.string().min(1).max(64),
    scriptId: z.string().min(1).max(64),
    surveyId: z.string().min(1).max(64).nullable().default(null),
  })
  .superRefine((rule, ctx) => {
    // Order-only conditions on another trigger would never match: refuse them rather than surprise.
    if (rule.trigger.kind === 'order') return;
    for (const key of ['orderValueMinor', 'skus'] as const) {
      if (rule.conditions[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['conditions', key], message: `applies to order triggers only, this rule's trigger is "${rule.trigger.kind}"` });
      }
    }
  });
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;

export const FollowUpPolicy = z.strictObject({
  /** At most one follow-up call per customer per this many days, across all types. 0 turns it off. */
  cooldownDays: z.number().min(0).max(365).default(7),
});
export type FollowUpPolicy = z.infer<typeof FollowUpPolicy>;
export const DEFAULT_POLICY: FollowUpPolicy = FollowUpPolicy.parse({});

export const RuleSet = z
  .strictObject({
    policy: FollowUpPolicy.prefault({}),
    rules: z.array(Rule).max(500),
  })
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}" (also rules[${first}])` });
      } else seen.set(rule.id, index);
    });
  });
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
