import { z } from 'zod';
import type { FollowUpTask } from '../domain';
import { loadWith, parseWith, type ParseResult } from './config-error';
import { durationMs, IsoDuration, toIso, toMillis } from './time';
import { isCallableMs, nextAllowedMs, type CallingCalendar } from './windows';

/** What the agent picks at wrap-up. Feedback answers are captured separately (history "feedback"). */
export const CallOutcome = z.enum([
  /** Spoke to the customer; the follow-up is done. */
  'reached',
  'no_answer',
  'busy',
  'voicemail',
  /** Network or PBX failure before it rang: retry soon. */
  'failed',
  /** Not this customer's number: close, and let the host flag the number. */
  'wrong_number',
  /** The customer declined this follow-up. */
  'refused',
  /** The customer asked never to be called: close, and the host sets Customer.doNotCall. */
  'do_not_call',
  /** The customer chose a time to be called back. */
  'callback',
]);
export type CallOutcome = z.infer<typeof CallOutcome>;

const Steps = z.array(IsoDuration).min(1).max(20);

export const RetryPolicy = z.strictObject({
  /** Dials per task, callbacks included. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
  /** Wait before the next dial, per outcome: step n after the n-th attempt, the last step repeating. */
  backoff: z
    .strictObject({
      no_answer: Steps.default(['PT2H', 'PT4H', 'P1D']),
      busy: Steps.default(['PT15M', 'PT1H', 'PT4H']),
      voicemail: Steps.default(['P1D']),
      failed: Steps.default(['PT5M', 'PT30M']),
    })
    .prefault({}),
  /** How far ahead a customer may book a callback. */
  callbackMaxAhead: IsoDuration.default('P30D'),
  /** A callback's SLA: how long after the chosen time it still counts as kept. */
  callbackGrace: IsoDuration.default('PT30M'),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;
export const DEFAULT_RETRY_POLICY: RetryPolicy = RetryPolicy.parse({});
export const parseRetryPolicy = (input: unknown): ParseResult<RetryPolicy> => parseWith(RetryPolicy, input);
export const loadRetryPolicy = (input: unknown): RetryPolicy => loadWith(RetryPolicy, input, 'retry policy');

export type AttemptResult =
  | { outcome: Exclude<CallOutcome, 'callback'> }
  | {
      outcome: 'callback';
      /** The time the customer chose. */
      at: string;
      /** The agent who took the request: the callback goes back to them. */
      agent: string;
    };

export type CloseReason = 'reached' | 'wrong_number' | 'refused' | 'do_not_call' | 'max_attempts' | 'no_calling_window';

export type RetryDecision =
  | { kind: 'retry'; task: FollowUpTask }
  | { kind: 'callback'; task: FollowUpTask }
  | { kind: 'close'; task: FollowUpTask; reason: CloseReason };

export interface RetryContext {
  policy?: RetryPolicy;
  /** The customer's zone (zones.ts) and the calling calendar: retries land inside a window. */
  zone: string;
  calendar: CallingCalendar;
}

/** A bad callback request: the wrap-up form shows `message` on `field` and keeps what was typed. */
export class CallbackError extends Error {
  readonly field = 'at';
  /** The nearest time that would be accepted, to offer the agent; null when none. */
  readonly suggestion: string | null;
  constructor(message: string, suggestion: string | null) {
    super(`at: ${message}`);
    this.name = 'CallbackError';
    this.suggestion = suggestion;
  }
}

/** May another dial happen? Dial paths check this before calling, along with assertDialable. */
export function canAttempt(task: FollowUpTask, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  return task.attempts < policy.maxAttempts;
}

/** Whether the wrap-up form should offer "callback": only when a dial would be left for it. */
export function canOfferCallback(task: FollowUpTask, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  return task.attempts + 1 < policy.maxAttempts;
}

/**
 * Whether a time the customer chose (a callback, a rescheduled follow-up) is acceptable: in the
 * future, within callbackMaxAhead and inside the customer's calling hours. Returns it in epoch ms;
 * throws CallbackError (field `at`, with the nearest acceptable time as `suggestion`).
 */
export function checkCallbackTime(at: string, now: string, context: RetryContext): number {
  const policy = context.policy ?? DEFAULT_RETRY_POLICY;
  const nowMs = toMillis(now, 'now');
  const atMs = toMillis(at, 'at');
  const suggest = () => {
    const next = nextAllowedMs(Math.max(atMs, nowMs + 1), context.zone, context.calendar);
    return next === null ? null : toIso(next);
  };
  if (atMs <= nowMs) throw new CallbackError('must be in the future', suggest());
  if (atMs > nowMs + durationMs(policy.callbackMaxAhead)) throw new CallbackError(`must be within ${policy.callbackMaxAhead}`, null);
  // The customer's wish does not override the calling rules; the form offers the next allowed time.
  if (!isCallableMs(atMs, context.zone, context.calendar)) throw new CallbackError("is outside the customer's calling hours", suggest());
  return atMs;
}

/**
 * What happens to a task after one dial (`task` as it was before the dial). Pure: the caller
 * stores the returned task with the outcome's history event in one transaction.
 *   - reached / refused / do_not_call / wrong_number → closed (status done);
 *   - no_answer / busy / voicemail / failed → queued again after the backoff step, moved forward
 *     into the next calling window, for any agent; closed once maxAttempts dials were made;
 *   - callback → due exactly at the customer's time, assigned to the same agent. The time must be in
 *     the future, inside a calling window and within callbackMaxAhead, else CallbackError.
 */
export function afterAttempt(task: FollowUpTask, result: AttemptResult, now: string, context: RetryContext): RetryDecision {
  const policy = context.policy ?? DEFAULT_RETRY_POLICY;
  const nowMs = toMillis(now, 'now');
  const attempts = task.attempts + 1;
  const close = (reason: CloseReason): RetryDecision => ({ kind: 'close', reason, task: { ...task, attempts, status: 'done' } });

  switch (result.outcome) {
    case 'reached':
    case 'wrong_number':
    case 'refused':
    case 'do_not_call':
      return close(result.outcome);
    case 'callback': {
      const atMs = checkCallbackTime(result.at, now, context);
      if (attempts >= policy.maxAttempts) return close('max_attempts');
      const slaMs = Math.max(toMillis(task.slaAt, 'task.slaAt'), atMs + durationMs(policy.callbackGrace));
      return {
        kind: 'callback',
        task: { ...task, attempts, status: 'queued', dueAt: toIso(atMs), slaAt: toIso(slaMs), assignedTo: result.agent },
      };
    }
    case 'no_answer':
    case 'busy':
    case 'voicemail':
    case 'failed': {
      if (attempts >= policy.maxAttempts) return close('max_attempts');
      const steps = policy.backoff[result.outcome];
      const step = steps[Math.min(attempts, steps.length) - 1] ?? steps[steps.length - 1] ?? 'PT0S';
      const dueMs = nextAllowedMs(nowMs + durationMs(step), context.zone, context.calendar);
      if (dueMs === null) return close('no_calling_window');
      return { kind: 'retry', task: { ...task, attempts, status: 'queued', dueAt: toIso(dueMs), assignedTo: null } };
    }
  }
}
