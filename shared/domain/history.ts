import { z } from 'zod';
import { CustomerId, E164, EventId, Instant, TaskId } from './ids';

/** Every kind of thing that happened with a customer. The store keeps one table; the payload is typed per kind. */
export const HistoryKind = z.enum(['call', 'ticket', 'order', 'followup', 'feedback', 'note']);
export type HistoryKind = z.infer<typeof HistoryKind>;
export const HISTORY_KINDS = HistoryKind.options;

export const CallQuality = z.object({
  mos: z.number().min(1).max(5),
  jitterMs: z.number().min(0),
  lossPct: z.number().min(0).max(100),
  rttMs: z.number().min(0),
});

export const CallPayload = z.object({
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().max(64),
  to: z.string().max(64),
  ringAt: Instant.nullable(),
  answeredAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  durationSec: z.number().int().min(0),
  agent: z.string().max(64).nullable(),
  disposition: z.string().max(64).nullable(),
  notes: z.string().max(4000).nullable(),
  quality: CallQuality.nullable(),
  /** Wrap-up tags (optional: older calls have none). */
  tags: z.array(z.string().max(40)).max(20).optional(),
});

export const TicketPayload = z.object({
  ticketId: z.string().max(64),
  category: z.enum(['complaint', 'inquiry', 'repair', 'return', 'billing']),
  subject: z.string().max(300),
  status: z.enum(['open', 'pending', 'resolved', 'closed']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  resolvedAt: Instant.nullable(),
});

export const OrderPayload = z.object({
  orderId: z.string().max(64),
  /** Amount in minor units (fen, cents) to avoid float money. */
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  items: z.array(z.object({ sku: z.string().max(64), name: z.string().max(200), qty: z.number().int().min(1) })).max(100),
  status: z.enum(['placed', 'paid', 'shipped', 'delivered', 'returned', 'cancelled']),
});

/** How working a follow-up left its task (what the console applied locally; a server can apply the same). */
export const FollowupDecision = z.enum(['closed', 'retry', 'callback', 'skipped', 'rescheduled']);

export const FollowupPayload = z.object({
  taskId: TaskId,
  type: z.string().max(64),
  outcome: z.string().max(64),
  agent: z.string().max(64).nullable(),
  notes: z.string().max(4000).nullable(),
  // Optional (events written before the console's wrap-up, and by other writers, lack them):
  /** The wrap-up disposition the agent picked (its id in the follow-up settings). */
  disposition: z.string().max(32).optional(),
  /** What became of the task: closed, queued again for a retry, a callback, skipped, rescheduled. */
  decision: FollowupDecision.optional(),
  /** Why the task was closed or skipped, e.g. max_attempts, no_calling_window, wrong_time. */
  reason: z.string().max(64).optional(),
  /** 1-based number of the dial this outcome records; absent when nobody dialled (skip, reschedule). */
  attempt: z.number().int().min(1).optional(),
  /** The call this wrap-up closes (recordCall's callId). */
  callId: z.string().max(64).optional(),
  /** The time the customer chose (callback) or the agent picked (reschedule). */
  callbackAt: Instant.optional(),
  /** The task after this outcome, so any replica can apply the same decision: due, SLA, owner, dials made. */
  nextDueAt: Instant.optional(),
  nextSlaAt: Instant.optional(),
  assignedTo: z.string().max(64).nullable().optional(),
  attempts: z.number().int().min(0).optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
  nextAction: z.string().max(300).optional(),
});

/** One answer per survey question id (shared/followup/survey.ts). */
export const FeedbackAnswers = z.record(z.string().max(32), z.union([z.number(), z.string().max(4000), z.boolean()]));

export const FeedbackPayload = z.object({
  channel: z.enum(['call', 'sms', 'email', 'web']),
  csat: z.number().int().min(1).max(5).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  ces: z.number().int().min(1).max(7).nullable(),
  comment: z.string().max(4000).nullable(),
  /** The survey the answers belong to, and every answer including custom questions (absent on older data). */
  surveyId: z.string().max(64).optional(),
  answers: FeedbackAnswers.optional(),
  /** The follow-up task the survey was taken for. */
  taskId: TaskId.optional(),
});

export const NotePayload = z.object({
  text: z.string().min(1).max(4000),
  author: z.string().max(64).nullable(),
});

const base = {
  id: EventId,
  customerId: CustomerId,
  occurredAt: Instant,
  /** One line for lists; the renderer can rebuild it from the payload too. */
  summary: z.string().max(300),
};

export const HistoryEvent = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('call'), payload: CallPayload }),
  z.object({ ...base, kind: z.literal('ticket'), payload: TicketPayload }),
  z.object({ ...base, kind: z.literal('order'), payload: OrderPayload }),
  z.object({ ...base, kind: z.literal('followup'), payload: FollowupPayload }),
  z.object({ ...base, kind: z.literal('feedback'), payload: FeedbackPayload }),
  z.object({ ...base, kind: z.literal('note'), payload: NotePayload }),
]);
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export type HistoryEventOf<K extends HistoryKind> = Extract<HistoryEvent, { kind: K }>;

/** Keyset cursor for "newest first" paging: stable while new events arrive. */
export const HistoryCursor = z.object({ occurredAt: Instant, id: EventId });
export type HistoryCursor = z.infer<typeof HistoryCursor>;

export const E164OrRaw = z.union([E164, z.string().max(64)]);
