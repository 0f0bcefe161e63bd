import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FollowUpTask } from '../domain';
import { AT_RISK, atRiskAt, atRiskAtMs, compareTasks, slaLevel, slaRisk, sortQueue } from './ordering';
import { task } from './testkit';
import { HOUR_MS, toIso } from './time';

const NOW = '2026-06-15T12:00:00.000Z';
const at = (hours: number) => toIso(Date.parse(NOW) + hours * HOUR_MS);

describe('slaRisk', () => {
  it('is 0 before due, the share of the window used, above 1 once missed', () => {
    expect(slaRisk({ dueAt: at(1), slaAt: at(5) }, NOW)).toBe(0);
    expect(slaRisk({ dueAt: at(-3), slaAt: at(1) }, NOW)).toBe(0.75);
    expect(slaRisk({ dueAt: at(-4), slaAt: at(-2) }, NOW)).toBe(2);
    expect(slaLevel(0.5)).toBe('ok');
    expect(slaLevel(0.75)).toBe('at_risk');
    expect(slaLevel(1)).toBe('breached');
  });
});

describe('queue order', () => {
  it('due before not due; priority; at risk climbs one level; own callbacks first', () => {
    const freshP1 = task({ id: 'fresh-p1', priority: 1, dueAt: at(-1), slaAt: at(47) });
    const freshP2 = task({ id: 'fresh-p2', priority: 2, dueAt: at(-1), slaAt: at(47) });
    const riskyP3 = task({ id: 'risky-p3', priority: 3, dueAt: at(-40), slaAt: at(8) });
    const freshP3 = task({ id: 'fresh-p3', priority: 3, dueAt: at(-2), slaAt: at(46) });
    const future = task({ id: 'future-p1', priority: 1, dueAt: at(2), slaAt: at(50) });
    const mine = task({ id: 'callback', priority: 5, dueAt: at(-0.1), slaAt: at(0.4), assignedTo: 'agent-7' });
    const order = sortQueue([future, freshP3, riskyP3, freshP2, freshP1, mine], { now: NOW, agent: 'agent-7' }).map((t) => t.id);
    expect(order).toEqual(['callback', 'fresh-p1', 'risky-p3', 'fresh-p2', 'fresh-p3', 'future-p1']);
    // Another agent sees the callback by its own priority (the server hides it from them anyway).
    expect(sortQueue([freshP3, mine], { now: NOW, agent: 'agent-1' }).map((t) => t.id)).toEqual(['fresh-p3', 'callback']);
  });

  it('within a level: promoted tasks first, longest at risk first; then the others, longest due first; then id', () => {
    const a = task({ id: 'a', dueAt: at(-2), slaAt: at(2) });
    const b = task({ id: 'b', dueAt: at(-1), slaAt: at(1) });
    const c = task({ id: 'c', dueAt: at(-1), slaAt: at(1) });
    expect(sortQueue([c, b, a], { now: NOW }).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    // Two P4s promoted to level 3 beside a plain P3: at risk since -1 h and since -5 h.
    const plainP3 = task({ id: 'plain-p3', priority: 3, dueAt: at(-30), slaAt: at(30) });
    const recentRisk = task({ id: 'recent-risk', priority: 4, dueAt: at(-7), slaAt: at(1) });
    const oldRisk = task({ id: 'old-risk', priority: 4, dueAt: at(-17), slaAt: at(-1) });
    expect(sortQueue([plainP3, recentRisk, oldRisk], { now: NOW }).map((t) => t.id)).toEqual(['old-risk', 'recent-risk', 'plain-p3']);
  });
});

describe('atRiskAt', () => {
  it('is due + ¾ of the window, or due for a task without a window', () => {
    expect(atRiskAt({ dueAt: at(0), slaAt: at(4) })).toBe(at(3));
    expect(atRiskAt({ dueAt: at(1), slaAt: at(1) })).toBe(at(1));
    expect(atRiskAt({ dueAt: at(1), slaAt: at(-5) })).toBe(at(1));
  });

  it('is exactly where slaRisk reaches 0.75, to the millisecond (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e6, max: 1e10 }), fc.integer({ min: -1e10, max: 1e10 }), (due, window, offset) => {
        const riskAt = atRiskAtMs(due, due + window);
        const now = riskAt + offset;
        const risk = slaRisk({ dueAt: toIso(due), slaAt: toIso(due + window) }, toIso(now));
        expect(now >= riskAt).toBe(risk >= AT_RISK);
        // and a millisecond earlier it was not yet at risk
        expect(slaRisk({ dueAt: toIso(due), slaAt: toIso(due + window) }, toIso(riskAt - 1)) >= AT_RISK).toBe(false);
      }),
    );
  });
});

const taskArb: fc.Arbitrary<FollowUpTask> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    priority: fc.integer({ min: 1, max: 5 }),
    due: fc.integer({ min: -72, max: 24 }),
    window: fc.integer({ min: 0, max: 96 }),
    assignedTo: fc.constantFrom(null, 'agent-7', 'agent-1'),
  })
  .map((r) => task({ id: r.id, priority: r.priority, dueAt: at(r.due), slaAt: at(r.due + r.window), assignedTo: r.assignedTo }));

describe('queue order (property)', () => {
  it('is a total order: the same result whatever order the tasks arrive in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(taskArb, { selector: (t) => t.id, maxLength: 30 }), fc.integer(), (tasks, seed) => {
        const context = { now: NOW, agent: 'agent-7' };
        const shuffled = [...tasks].sort((x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7));
        expect(sortQueue(shuffled, context)).toEqual(sortQueue(tasks, context));
        expect([...shuffled].sort(compareTasks(context))).toEqual(sortQueue(tasks, context));
      }),
    );
  });

  it('a due task never sorts after a task that is not due yet', () => {
    fc.assert(
      fc.property(fc.uniqueArray(taskArb, { selector: (t) => t.id, maxLength: 30 }), (tasks) => {
        const sorted = sortQueue(tasks, { now: NOW });
        const due = sorted.map((t) => Date.parse(t.dueAt) <= Date.parse(NOW));
        expect(due).toEqual([...due].sort((x, y) => Number(y) - Number(x)));
      }),
    );
  });
});
