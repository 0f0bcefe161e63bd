import { z } from 'zod';
import { Customer, E164, FollowUpTask, HistoryEvent, Instant, TaskId } from '../domain';
import { CallOutcome } from '../followup/retry';
import { LocalizedText, Survey, SurveyAnswers } from '../followup/survey';

/**
 * The follow-up part of the host contract (shared/api/contract.ts): the local queue, preview
 * dialing, the dial-path compliance gate and the wrap-up. Payloads only; the methods are listed in
 * the contract's one map.
 */

export const QueuedTask = FollowUpTask.extend({ customerName: z.string() });
export type QueuedTask = z.infer<typeof QueuedTask>;

/** A configured wrap-up disposition: what the agent picks, and the call outcome it stands for. */
export const Disposition = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  label: LocalizedText,
  /** The retry policy's view of it (no answer → retry later, callback → at the customer's time…). */
  outcome: CallOutcome,
});
export type Disposition = z.infer<typeof Disposition>;

export const FilledScriptView = z.object({
  scriptId: z.string(),
  title: z.string(),
  /** Safe to read aloud: no "{{…}}" left. */
  text: z.string(),
  segments: z.array(z.union([z.object({ text: z.string() }), z.object({ placeholder: z.string(), value: z.string(), filled: z.boolean() })])),
  /** Placeholders with no value for this customer, and unknown ones: shown to the agent as gaps. */
  missing: z.array(z.string()),
  unknown: z.array(z.string()),
});
export type FilledScriptView = z.infer<typeof FilledScriptView>;

export const NotDialableReason = z.enum(['on_dnc_list', 'customer_do_not_call', 'invalid_number', 'outside_calling_window', 'max_attempts']);
export type NotDialableReason = z.infer<typeof NotDialableReason>;

export const DialCheck = z.discriminatedUnion('ok', [
  /** Dial exactly this number: it is the one that was checked. */
  z.object({ ok: z.literal(true), e164: E164 }),
  z.object({ ok: z.literal(false), reason: NotDialableReason, message: z.string(), nextAllowedAt: Instant.nullable() }),
]);
export type DialCheck = z.infer<typeof DialCheck>;

export const CheckDialInput = z.object({
  number: z.string().min(1).max(200),
  /** The customer the number is dialed for, when known: their do-not-call flag and zone apply. */
  customerId: z.string().max(64).nullable().default(null),
  /** A follow-up dial also checks the calling window and the attempts left. */
  taskId: TaskId.nullable().default(null),
});

export const TaskPreview = z.object({
  task: QueuedTask,
  customer: Customer,
  /** The order or ticket that triggered the follow-up (null for time-based rules). */
  reasonEvent: HistoryEvent.nullable(),
  script: FilledScriptView.nullable(),
  survey: Survey.nullable(),
  /** The number "call" dials and whether it may be dialed now (do-not-call, window, attempts). */
  dial: z.object({
    number: E164.nullable(),
    check: DialCheck,
    /** The customer's clock: zone and local time, shown beside the call button. */
    zone: z.string(),
    localTime: Instant,
  }),
  attemptsLeft: z.number().int().min(0),
  /** Whether the wrap-up may offer "callback" (a dial must be left for it). */
  canCallback: z.boolean(),
});
export type TaskPreview = z.infer<typeof TaskPreview>;

export const NextTaskInput = z.object({
  /** Only this follow-up type; absent = any. */
  type: z.string().max(64).optional(),
});

export const NextTask = z.discriminatedUnion('status', [
  z.object({ status: z.literal('task'), preview: TaskPreview }),
  /** Nothing due that may be called now; `nextAt` is when the next task becomes workable, if any. */
  z.object({ status: z.literal('empty'), nextAt: Instant.nullable() }),
  /** Signed in but the server is unreachable and this console holds no workable task. */
  z.object({ status: z.literal('offline'), message: z.string() }),
]);
export type NextTask = z.infer<typeof NextTask>;

export const SkipReason = z.enum(['wrong_time', 'customer_busy_elsewhere', 'duplicate', 'not_relevant', 'other']);
export type SkipReason = z.infer<typeof SkipReason>;

export const SkipTaskInput = z.object({
  taskId: TaskId,
  reason: SkipReason,
  note: z.string().max(500).default(''),
});

export const RescheduleTaskInput = z.object({
  taskId: TaskId,
  /** Must fall inside the customer's calling window; the error suggests the nearest time that does. */
  at: Instant,
  note: z.string().max(500).default(''),
});

/** The wrap-up of one follow-up call (or of an attempt that never connected). */
export const SaveOutcomeInput = z.object({
  /** Doubles as the outbox op id: a retried save after a lost reply stores nothing twice. */
  saveId: z.string().regex(/^[A-Za-z0-9_.:-]{8,64}$/, 'must be 8–64 letters, digits or _ . : - (e.g. crypto.randomUUID())'),
  taskId: TaskId,
  /** The call this wrap-up closes (recordCall's callId), null when no call was placed. */
  callId: z.string().max(64).nullable(),
  disposition: z.string().min(1, 'choose a disposition').max(32),
  notes: z.string().max(4000).default(''),
  answers: SurveyAnswers.default({}),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Required when the disposition's outcome is "callback": the time the customer chose. */
  callbackAt: Instant.nullable().default(null),
  nextAction: z.string().max(300).default(''),
});

export const SavedOutcome = z.object({
  savedAt: Instant,
  /** The task after the outcome: closed, queued again for a retry, or a callback to this agent. */
  task: FollowUpTask,
  decision: z.enum(['closed', 'retry', 'callback']),
  /** The history events written (follow-up, and feedback when answers were given). */
  eventIds: z.array(z.string()),
});
export type SavedOutcome = z.infer<typeof SavedOutcome>;

/** What the wrap-up and the preview need to know about this deployment's follow-up settings. */
export const FollowUpSettings = z.object({
  dispositions: z.array(Disposition),
  surveys: z.array(Survey),
  /** Progressive mode: after the preview has shown this many seconds, the call is placed. 0 = off. */
  progressiveDelaySec: z.number().int().min(0).max(120),
});
export type FollowUpSettings = z.infer<typeof FollowUpSettings>;
