import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, FollowUpTask, HistoryEvent } from '../../domain';
import { customer as makeCustomer } from '../testkit';
import { DAY_MS, HOUR_MS, toIso } from '../time';
import { BUILTIN_RULES } from './builtin';
import { evaluate } from './evaluate';
import { countsForCooldown, isOpen } from './guard';
import { Rule } from './schema';
import { sweep } from './sweep';

/**
 * "Rules never create duplicates": whatever events arrive, in whatever order, re-sent or not, mixed
 * with sweeps and with agents closing tasks in between, the task list keeps its invariants.
 */

const T0 = Date.UTC(2026, 5, 1);
const TYPES = ['satisfaction_survey', 'complaint_care', 'custom_a', 'reactivation'] as const;

const ruleArb = fc
  .record({
    id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
    type: fc.constantFrom(...TYPES),
    trigger: fc.oneof(
      fc.record({ kind: fc.constant('order' as const), status: fc.subarray(['paid', 'shipped', 'delivered'] as const, { minLength: 1 }) }),
      fc.record({ kind: fc.constant('ticket' as const), status: fc.subarray(['resolved', 'closed'] as const, { minLength: 1 }) }),
      fc.record({ kind: fc.constant('feedback' as const), csat: fc.constant({ max: 3 }) }),
      fc.record({ kind: fc.constant('inactivity' as const), days: fc.integer({ min: 1, max: 20 }) }),
    ),
    delayH: fc.integer({ min: 0, max: 72 }),
    windowH: fc.integer({ min: 1, max: 240 }),
    priority: fc.integer({ min: 1, max: 5 }),
  })
  .map((r) => Rule.parse({ id: r.id, type: r.type, trigger: r.trigger, delay: `PT${r.delayH}H`, dueWindow: `PT${r.windowH}H`, priority: r.priority, team: 't', scriptId: 's' }));

const rulesArb = fc.oneof(
  fc.constant([...BUILTIN_RULES]),
  fc.uniqueArray(ruleArb, { selector: (r) => r.id, minLength: 1, maxLength: 5 }),
  fc.uniqueArray(ruleArb, { selector: (r) => r.id, maxLength: 3 }).map((extra) => [...BUILTIN_RULES, ...extra.map((r) => ({ ...r, id: `x-${r.id}` }))]),
);

const CUSTOMERS = ['c-1', 'c-2', 'c-3'];

/** Events from small pools of ids, so re-sent events and several events per order are common. */
const eventArb: fc.Arbitrary<HistoryEvent> = fc
  .record({
    id: fc.integer({ min: 1, max: 12 }),
    customerId: fc.constantFrom(...CUSTOMERS),
    atH: fc.integer({ min: 0, max: 30 * 24 }),
    kind: fc.constantFrom('order', 'ticket', 'feedback'),
    ref: fc.integer({ min: 1, max: 4 }),
    orderStatus: fc.constantFrom('placed', 'paid', 'shipped', 'delivered'),
    ticketStatus: fc.constantFrom('open', 'resolved', 'closed'),
    csat: fc.integer({ min: 1, max: 5 }),
  })
  .map((e): HistoryEvent => {
    const base = { id: `e-${e.kind}-${e.id}`, customerId: e.customerId, occurredAt: toIso(T0 + e.atH * HOUR_MS), summary: `${e.kind} ${e.ref}` };
    if (e.kind === 'order') {
      return { ...base, kind: 'order', payload: { orderId: `O-${e.ref}`, amountMinor: 1000, currency: 'CNY', items: [], status: e.orderStatus } };
    }
    if (e.kind === 'ticket') {
      return { ...base, kind: 'ticket', payload: { ticketId: `T-${e.ref}`, category: 'complaint', subject: 's', status: e.ticketStatus, priority: 'normal', resolvedAt: null } };
    }
    return { ...base, kind: 'feedback', payload: { channel: 'call', csat: e.csat, nps: null, ces: null, comment: null } };
  });

type Step =
  | { do: 'event'; event: HistoryEvent; lagH: number }
  | { do: 'sweep'; lagH: number }
  | { do: 'close'; pick: number; status: 'done' | 'skipped' | 'expired'; attempts: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ do: fc.constant('event' as const), event: eventArb, lagH: fc.integer({ min: 0, max: 96 }) }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('sweep' as const), lagH: fc.integer({ min: 0, max: 40 * 24 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ do: fc.constant('close' as const), pick: fc.nat(), status: fc.constantFrom('done' as const, 'skipped' as const, 'expired' as const), attempts: fc.integer({ min: 0, max: 2 }) }),
  },
);

function checkInvariants(tasks: readonly FollowUpTask[], cooldownDays: number): void {
  expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  for (const customerId of CUSTOMERS) {
    const mine = tasks.filter((t) => t.customerId === customerId);
    const openTypes = mine.filter(isOpen).map((t) => t.type);
    expect(new Set(openTypes).size, `open types of ${customerId}: ${openTypes.join(', ')}`).toBe(openTypes.length);
    const calls = mine.filter(countsForCooldown).map((t) => Date.parse(t.dueAt)).sort((a, b) => a - b);
    for (let i = 1; i < calls.length; i++) {
      expect((calls[i] ?? 0) - (calls[i - 1] ?? 0), `cool-down for ${customerId}`).toBeGreaterThanOrEqual(cooldownDays * DAY_MS);
    }
  }
  for (const t of tasks) expect(Date.parse(t.dueAt)).toBeLessThan(Date.parse(t.slaAt));
}

function play(rules: readonly Rule[], steps: readonly Step[], cooldownDays: number, customers: ReadonlyMap<string, Customer>) {
  const policy = { cooldownDays };
  let tasks: FollowUpTask[] = [];
  let nowMs = T0;
  const seen: HistoryEvent[] = [];
  for (const step of steps) {
    if (step.do === 'close') {
      const open = tasks.filter(isOpen);
      const victim = open[step.pick % Math.max(open.length, 1)];
      if (victim) tasks = tasks.map((t) => (t.id === victim.id ? { ...t, status: step.status, attempts: step.attempts } : t));
      continue;
    }
    if (step.do === 'sweep') {
      nowMs += step.lagH * HOUR_MS;
      const activities = [...customers.values()].map((c) => ({ customer: c, lastActivityAt: null }));
      tasks = [...tasks, ...sweep(rules, activities, tasks, toIso(nowMs), policy).create];
      continue;
    }
    // Time only moves forward; events arrive late, never from the future.
    nowMs = Math.max(nowMs, Date.parse(step.event.occurredAt) + step.lagH * HOUR_MS);
    const who = customers.get(step.event.customerId);
    if (!who) throw new Error('fixture');
    tasks = [...tasks, ...evaluate(rules, step.event, who, tasks, toIso(nowMs), policy).create];
    seen.push(step.event);
    checkInvariants(tasks, cooldownDays);
  }
  checkInvariants(tasks, cooldownDays);
  return { tasks, seen, nowMs };
}

const customers = new Map(CUSTOMERS.map((id) => [id, makeCustomer({ id, createdAt: toIso(T0 - 5 * DAY_MS) })]));

describe('follow-up rules (property)', () => {
  it('never two open tasks of a type per customer, never two calls inside the cool-down, whatever the order', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { maxLength: 40 }), fc.constantFrom(0, 1, 3, 7), (rules, steps, cooldownDays) => {
        play(rules, steps, cooldownDays, customers);
      }),
      { numRuns: 300 },
    );
  });

  it('re-running every event again, in any order, creates nothing twice', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { maxLength: 30 }), fc.constantFrom(0, 7), fc.nat(), fc.nat(), (rules, steps, cooldownDays, seed1, seed2) => {
        const played = play(rules, steps, cooldownDays, customers);
        let tasks = played.tasks;
        const replay = (seed: number) => {
          const order = [...played.seen].sort((a, b) => ((a.id.charCodeAt(a.id.length - 1) * (seed + 1)) % 11) - ((b.id.charCodeAt(b.id.length - 1) * (seed + 1)) % 11));
          const created: FollowUpTask[] = [];
          for (const event of order) {
            const who = customers.get(event.customerId);
            if (!who) throw new Error('fixture');
            const drafts = evaluate(rules, event, who, [...tasks, ...created], toIso(played.nowMs), { cooldownDays }).create;
            created.push(...drafts);
          }
          return created;
        };
        // A late replay may still fire a trigger that was held back before (its open task has
        // since closed), but never one that already has its task, and never breaks the invariants.
        const first = replay(seed1);
        for (const draft of first) expect(played.tasks.some((t) => t.id === draft.id)).toBe(false);
        tasks = [...tasks, ...first];
        checkInvariants(tasks, cooldownDays);
        // Nothing changed since: a second replay, in another order, has nothing left to create.
        expect(replay(seed2)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the same inputs give the same tasks, ids included', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { maxLength: 25 }), (rules, steps) => {
        expect(play(rules, steps, 7, customers).tasks).toEqual(play(rules, steps, 7, customers).tasks);
      }),
      { numRuns: 100 },
    );
  });
});
