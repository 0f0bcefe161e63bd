import { describe, expect, it } from 'vitest';
import { task } from './testkit';
import { afterAttempt, CallbackError, canOfferCallback, parseRetryPolicy, RetryPolicy } from './retry';
import { DEFAULT_CALENDAR } from './windows';

const ctx = { zone: 'Asia/Shanghai', calendar: DEFAULT_CALENDAR };
// Monday 2026-06-15 10:00 Shanghai.
const NOW = '2026-06-15T02:00:00.000Z';

describe('afterAttempt', () => {
  it.each(['reached', 'wrong_number', 'refused', 'do_not_call'] as const)('closes on %s', (outcome) => {
    const decision = afterAttempt(task(), { outcome }, NOW, ctx);
    expect(decision).toMatchObject({ kind: 'close', reason: outcome, task: { status: 'done', attempts: 1 } });
  });

  it('retries a no-answer two hours later, for any agent', () => {
    const decision = afterAttempt(task({ assignedTo: 'agent-7' }), { outcome: 'no_answer' }, '2026-06-15T01:00:00.000Z', ctx);
    expect(decision).toMatchObject({ kind: 'retry', task: { status: 'queued', attempts: 1, dueAt: '2026-06-15T03:00:00.000Z', assignedTo: null } });
  });

  it('moves a retry that would land at lunch to 14:00, and one at night to the next morning', () => {
    // 11:00 + 2h = 13:00 → 14:00.
    expect(afterAttempt(task(), { outcome: 'no_answer' }, '2026-06-15T03:00:00.000Z', ctx).task.dueAt).toBe('2026-06-15T06:00:00.000Z');
    // Second attempt, 19:00 + 4h = 23:00 → Tuesday 09:00.
    expect(afterAttempt(task({ attempts: 1 }), { outcome: 'no_answer' }, '2026-06-15T11:00:00.000Z', ctx).task.dueAt).toBe('2026-06-16T01:00:00.000Z');
  });

  it('uses the outcome’s own schedule and repeats its last step', () => {
    const policy = RetryPolicy.parse({ maxAttempts: 10, backoff: { busy: ['PT15M', 'PT1H'] } });
    expect(afterAttempt(task(), { outcome: 'busy' }, NOW, { ...ctx, policy }).task.dueAt).toBe('2026-06-15T02:15:00.000Z');
    expect(afterAttempt(task({ attempts: 5 }), { outcome: 'busy' }, NOW, { ...ctx, policy }).task.dueAt).toBe('2026-06-15T03:00:00.000Z');
  });

  it('closes after the last allowed attempt', () => {
    expect(afterAttempt(task({ attempts: 2 }), { outcome: 'voicemail' }, NOW, ctx)).toMatchObject({ kind: 'close', reason: 'max_attempts', task: { attempts: 3, status: 'done' } });
  });

  it('books a callback at exactly the customer’s time, back to the same agent', () => {
    const at = '2026-06-16T07:30:00.000Z'; // Tuesday 15:30
    const decision = afterAttempt(task({ slaAt: '2026-06-15T08:00:00.000Z' }), { outcome: 'callback', at, agent: 'agent-7' }, NOW, ctx);
    expect(decision).toMatchObject({ kind: 'callback', task: { status: 'queued', dueAt: at, assignedTo: 'agent-7', attempts: 1, slaAt: '2026-06-16T08:00:00.000Z' } });
  });

  it('refuses a callback outside calling hours, offering the next allowed time', () => {
    let error: unknown;
    try {
      afterAttempt(task(), { outcome: 'callback', at: '2026-06-15T13:00:00.000Z', agent: 'a' }, NOW, ctx); // 21:00
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CallbackError);
    expect(error).toMatchObject({ field: 'at', suggestion: '2026-06-16T01:00:00.000Z', message: expect.stringMatching(/^at: /) as unknown });
  });

  it('refuses a callback in the past or too far ahead', () => {
    expect(() => afterAttempt(task(), { outcome: 'callback', at: '2026-06-15T01:30:00.000Z', agent: 'a' }, NOW, ctx)).toThrow(/future/);
    expect(() => afterAttempt(task(), { outcome: 'callback', at: '2026-09-15T02:00:00.000Z', agent: 'a' }, NOW, ctx)).toThrow(/within P30D/);
  });

  it('does not offer a callback when no dial would be left for it', () => {
    expect(canOfferCallback(task({ attempts: 1 }))).toBe(true);
    expect(canOfferCallback(task({ attempts: 2 }))).toBe(false);
  });

  it('closes when the calendar has no window left', () => {
    const empty = { zone: 'Asia/Shanghai', calendar: { days: [[], [], [], [], [], [], []], holidays: new Set<string>() } };
    expect(afterAttempt(task(), { outcome: 'busy' }, NOW, empty)).toMatchObject({ kind: 'close', reason: 'no_calling_window' });
  });
});

describe('retry policy validation', () => {
  it('names the bad field', () => {
    expect(parseRetryPolicy({ maxAttempts: 0 })).toMatchObject({ ok: false, errors: [{ field: 'maxAttempts' }] });
    expect(parseRetryPolicy({ backoff: { busy: ['soon'] } })).toMatchObject({ ok: false, errors: [{ field: 'backoff.busy[0]' }] });
    expect(parseRetryPolicy({ backoff: { ringing: ['PT1M'] } })).toMatchObject({ ok: false, errors: [{ field: 'backoff.ringing' }] });
  });
});
