import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { task as makeTask } from './testkit';
import { afterAttempt, CallbackError, RetryPolicy, type AttemptResult, type CallOutcome } from './retry';
import { durationMs, HOUR_MS, MINUTE_MS, toIso, toMillis } from './time';
import { CallingCalendar, isCallableMs, nextAllowedMs } from './windows';

/**
 * Plays whole call histories: dial when due, get a random outcome, apply afterAttempt, repeat
 * until the task closes. Whatever happens, the policy holds.
 */

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney'] as const;
const CALENDARS = [
  { weekly: { mon: ['09:00-12:00', '14:00-20:00'], tue: ['09:00-12:00', '14:00-20:00'], wed: ['09:00-12:00', '14:00-20:00'], thu: ['09:00-12:00', '14:00-20:00'], fri: ['09:00-12:00', '14:00-20:00'], sat: ['09:00-12:00', '14:00-20:00'] } },
  { weekly: { sun: ['01:00-03:00'], mon: ['00:00-24:00'] }, holidays: ['2026-03-09', '2026-11-02'] },
  { weekly: { tue: ['10:00-10:30'], fri: ['18:00-21:00'] } },
].map((c) => CallingCalendar.parse(c));

const duration = fc.integer({ min: 1, max: 48 * 60 }).map((minutes) => `PT${minutes}M`);
const steps = fc.array(duration, { minLength: 1, maxLength: 4 });
const policy = fc
  .record({ maxAttempts: fc.integer({ min: 1, max: 6 }), backoff: fc.record({ no_answer: steps, busy: steps, voicemail: steps, failed: steps }) })
  .map((p) => RetryPolicy.parse(p));

const OUTCOMES: readonly CallOutcome[] = ['no_answer', 'busy', 'voicemail', 'failed', 'callback', 'callback', 'reached', 'wrong_number', 'refused', 'do_not_call'];

/** One step of the story: an outcome, a callback offset, whether the customer's time is snapped to a window, and an agent. */
const turn = fc.record({
  outcome: fc.constantFrom(...OUTCOMES),
  aheadMin: fc.integer({ min: -60, max: 40 * 24 * 60 }),
  snap: fc.boolean(),
  agent: fc.constantFrom('agent-1', 'agent-2', 'agent-3'),
  pickupDelayMin: fc.integer({ min: 0, max: 90 }),
});

const start = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
  fc.constantFrom(Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 9, 31, 12), Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 3, 4, 6), Date.UTC(2026, 9, 3, 6)),
);

describe('retry policy (property)', () => {
  it('never more than maxAttempts dials, retries always inside a window, callbacks exactly when and to whom', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...ZONES), fc.constantFrom(...CALENDARS), start, fc.array(turn, { minLength: 1, maxLength: 12 }), (p, zone, calendar, startMs, turns) => {
        const context = { policy: p, zone, calendar };
        let current = makeTask({ attempts: 0, dueAt: toIso(startMs), slaAt: toIso(startMs + 72 * HOUR_MS) });
        let dials = 0;
        for (const t of turns) {
          if (current.status !== 'queued') break;
          // An agent dials once the task is due and the customer may be called.
          const dialMs = nextAllowedMs(toMillis(current.dueAt) + t.pickupDelayMin * MINUTE_MS, zone, calendar);
          if (dialMs === null) break;
          expect(isCallableMs(dialMs, zone, calendar)).toBe(true);
          dials++;
          const before = current;
          let result: AttemptResult;
          if (t.outcome === 'callback') {
            const raw = dialMs + t.aheadMin * MINUTE_MS;
            const at = t.snap ? (nextAllowedMs(raw, zone, calendar) ?? raw) : raw;
            result = { outcome: 'callback', at: toIso(at), agent: t.agent };
            const acceptable = at > dialMs && at <= dialMs + durationMs(p.callbackMaxAhead) && isCallableMs(at, zone, calendar);
            if (!acceptable) {
              // The form refuses the time and keeps the task as it was; the agent records no answer instead.
              expect(() => afterAttempt(before, result, toIso(dialMs), context)).toThrow(CallbackError);
              result = { outcome: 'no_answer' };
            }
          } else result = { outcome: t.outcome };

          const decision = afterAttempt(before, result, toIso(dialMs), context);
          current = decision.task;
          expect(current.attempts).toBe(dials);
          expect(current.attempts).toBeLessThanOrEqual(p.maxAttempts);
          if (decision.kind === 'close') {
            expect(current.status).toBe('done');
            if (decision.reason === 'max_attempts') expect(dials).toBe(p.maxAttempts);
            continue;
          }
          expect(current.status).toBe('queued');
          expect(dials).toBeLessThan(p.maxAttempts);
          const dueMs = toMillis(current.dueAt);
          expect(isCallableMs(dueMs, zone, calendar), `due ${current.dueAt} outside the window`).toBe(true);
          if (decision.kind === 'callback') {
            expect(result.outcome).toBe('callback');
            if (result.outcome === 'callback') {
              expect(current.dueAt).toBe(result.at);
              expect(current.assignedTo).toBe(result.agent);
            }
            expect(toMillis(current.slaAt)).toBeGreaterThanOrEqual(dueMs);
          } else {
            const outcome = result.outcome as 'no_answer' | 'busy' | 'voicemail' | 'failed';
            const schedule = p.backoff[outcome];
            const step = schedule[Math.min(dials, schedule.length) - 1] ?? '';
            expect(dueMs).toBeGreaterThanOrEqual(dialMs + durationMs(step));
            expect(current.assignedTo).toBeNull();
          }
        }
        expect(dials).toBeLessThanOrEqual(p.maxAttempts);
      }),
      { numRuns: 300 },
    );
  });
});
