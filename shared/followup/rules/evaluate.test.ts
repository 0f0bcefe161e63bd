import { describe, expect, it } from 'vitest';
import { customer, orderEvent, task, ticketEvent } from '../testkit';
import { BUILTIN_RULES } from './builtin';
import { evaluate } from './evaluate';
import { followUpTaskId } from './propose';
import { Rule } from './schema';

const NOW = '2026-06-15T02:00:00.000Z';
const rule = (over: Record<string, unknown>) => Rule.parse({ id: 'r', type: 'custom_call', trigger: { kind: 'order' }, team: 't', scriptId: 's', ...over });

describe('evaluate: built-in event rules', () => {
  it('creates a satisfaction survey two days after delivery, with the rule routing', () => {
    const { create, skipped } = evaluate(BUILTIN_RULES, orderEvent(), customer(), [], NOW);
    expect(skipped.filter((s) => s.reason !== 'disabled')).toEqual([]);
    expect(create).toEqual([
      {
        id: followUpTaskId('survey-delivered', 'c-1', 'order:O-1'),
        customerId: 'c-1',
        type: 'satisfaction_survey',
        status: 'queued',
        priority: 4,
        dueAt: '2026-06-16T02:00:00.000Z',
        slaAt: '2026-06-21T02:00:00.000Z',
        reasonEventId: 'e-order-1',
        reason: 'Satisfaction survey after delivery: Order O-1 delivered',
        attempts: 0,
        assignedTo: null,
        createdAt: NOW,
        ruleId: 'survey-delivered',
        team: 'survey',
        scriptId: 'satisfaction-v1',
        surveyId: 'csat-delivery',
      },
    ]);
  });

  it('does not survey an order that is only shipped, and says why', () => {
    const { create, skipped } = evaluate(BUILTIN_RULES, orderEvent({ payload: { status: 'shipped' } }), customer(), [], NOW);
    expect(create).toEqual([]);
    expect(skipped).toContainEqual({ rule: 'survey-delivered', customerId: 'c-1', reason: 'trigger_not_met', detail: 'status is "shipped", rule wants "delivered"' });
    expect(skipped).toContainEqual(expect.objectContaining({ rule: 'survey-purchase', reason: 'disabled' }));
  });

  it('creates a priority-1 care call a day after a complaint is resolved', () => {
    const { create } = evaluate(BUILTIN_RULES, ticketEvent(), customer(), [], NOW);
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ type: 'complaint_care', priority: 1, team: 'care', dueAt: '2026-06-15T02:00:00.000Z', slaAt: '2026-06-17T02:00:00.000Z', reasonEventId: 'e-ticket-1' });
  });

  it('ignores an inquiry that is resolved and a complaint that is still open', () => {
    expect(evaluate(BUILTIN_RULES, ticketEvent({ payload: { category: 'inquiry' } }), customer(), [], NOW).create).toEqual([]);
    expect(evaluate(BUILTIN_RULES, ticketEvent({ payload: { status: 'open' } }), customer(), [], NOW).create).toEqual([]);
  });
});

describe('evaluate: conditions', () => {
  const vipBig = rule({ conditions: { segments: ['vip'], orderValueMinor: { min: 100_000, currency: 'CNY' }, skus: ['SKU-9'], tags: { none: ['no-survey'] } } });
  const bigOrder = orderEvent({ payload: { amountMinor: 150_000, items: [{ sku: 'SKU-9', name: '冰箱', qty: 1 }] } });

  it('creates when every condition holds', () => {
    expect(evaluate([vipBig], bigOrder, customer({ segment: 'vip' }), [], NOW).create).toHaveLength(1);
  });

  it.each([
    ['segment', customer({ segment: 'standard' }), bigOrder, /segment/],
    ['value', customer({ segment: 'vip' }), orderEvent({ payload: { amountMinor: 99_999, items: [{ sku: 'SKU-9', name: 'x', qty: 1 }] } }), /below 100000/],
    ['currency', customer({ segment: 'vip' }), orderEvent({ payload: { amountMinor: 150_000, currency: 'USD', items: [{ sku: 'SKU-9', name: 'x', qty: 1 }] } }), /currency/],
    ['sku', customer({ segment: 'vip' }), orderEvent({ payload: { amountMinor: 150_000 } }), /sku/],
    ['excluded tag', customer({ segment: 'vip', tags: ['no-survey'] }), bigOrder, /no-survey/],
  ])('skips on %s', (_what, who, event, detail) => {
    const { create, skipped } = evaluate([vipBig], event, who, [], NOW);
    expect(create).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ reason: 'condition_not_met', detail: expect.stringMatching(detail) as unknown })]);
  });
});

describe('evaluate: dedupe, cool-down, lateness', () => {
  it('creates nothing twice for the same order, even from a re-sent event', () => {
    const first = evaluate(BUILTIN_RULES, orderEvent(), customer(), [], NOW).create;
    const again = evaluate(BUILTIN_RULES, orderEvent({ id: 'e-order-1-resent' }), customer(), first, NOW);
    expect(again.create).toEqual([]);
    expect(again.skipped).toContainEqual(expect.objectContaining({ rule: 'survey-delivered', reason: 'already_created' }));
  });

  it('keeps one open task per type: a second delivered order waits for the first survey', () => {
    const open = task({ type: 'satisfaction_survey', dueAt: '2026-05-01T00:00:00.000Z' });
    const result = evaluate(BUILTIN_RULES, orderEvent({ payload: { orderId: 'O-2' } }), customer(), [open], NOW);
    expect(result.create).toEqual([]);
    expect(result.skipped).toContainEqual(expect.objectContaining({ reason: 'open_task_exists', detail: expect.stringContaining('t-1') as unknown }));
  });

  it('postpones a call into its window when another follow-up is too close, across types', () => {
    // Care call due 06-15 02:00, SLA 06-17 02:00; a survey called 06-09 12:00 blocks until 06-16 12:00.
    const survey = task({ id: 'done-survey', status: 'done', dueAt: '2026-06-09T12:00:00.000Z' });
    const { create } = evaluate(BUILTIN_RULES, ticketEvent(), customer(), [survey], NOW);
    expect(create).toHaveLength(1);
    expect(create[0]?.dueAt).toBe('2026-06-16T12:00:00.000Z');
    expect(create[0]?.slaAt).toBe('2026-06-17T02:00:00.000Z');
  });

  it('skips when the cool-down would push the call past its SLA', () => {
    const survey = task({ id: 'done-survey', status: 'done', dueAt: '2026-06-14T00:00:00.000Z' });
    const { create, skipped } = evaluate(BUILTIN_RULES, ticketEvent(), customer(), [survey], NOW);
    expect(create).toEqual([]);
    expect(skipped).toContainEqual(expect.objectContaining({ rule: 'complaint-care', reason: 'cooldown' }));
  });

  it('does not count a task skipped before anyone dialled', () => {
    const skippedTask = task({ id: 'x', status: 'skipped', attempts: 0, dueAt: '2026-06-14T00:00:00.000Z' });
    expect(evaluate(BUILTIN_RULES, ticketEvent(), customer(), [skippedTask], NOW).create).toHaveLength(1);
  });

  it('lets the most urgent rule through when one event fires two rules', () => {
    const urgent = rule({ id: 'urgent', type: 'big_order_thanks', priority: 1 });
    const { create, skipped } = evaluate([...BUILTIN_RULES, urgent], orderEvent(), customer(), [], NOW, { cooldownDays: 30 });
    expect(create.map((t) => t.type)).toEqual(['big_order_thanks']);
    expect(skipped).toContainEqual(expect.objectContaining({ rule: 'survey-delivered', reason: 'cooldown' }));
  });

  it('with the cool-down off, creates one task per rule', () => {
    const urgent = rule({ id: 'urgent', type: 'big_order_thanks', priority: 1 });
    expect(evaluate([...BUILTIN_RULES, urgent], orderEvent(), customer(), [], NOW, { cooldownDays: 0 }).create).toHaveLength(2);
  });

  it('skips an event replayed after its window ended', () => {
    const old = orderEvent({ occurredAt: '2026-05-01T00:00:00.000Z' });
    expect(evaluate(BUILTIN_RULES, old, customer(), [], NOW).skipped).toContainEqual(expect.objectContaining({ rule: 'survey-delivered', reason: 'too_late' }));
  });

  it('creates nothing for a do-not-call customer', () => {
    const { create, skipped } = evaluate(BUILTIN_RULES, ticketEvent(), customer({ doNotCall: true }), [], NOW);
    expect(create).toEqual([]);
    expect(skipped).toContainEqual(expect.objectContaining({ reason: 'do_not_call' }));
  });

  it('refuses an event about another customer', () => {
    expect(() => evaluate(BUILTIN_RULES, orderEvent({ customerId: 'c-2' }), customer(), [], NOW)).toThrow(/event.customerId/);
  });

  it('fires a custom rule on a follow-up outcome (unhappy survey → care call)', () => {
    const unhappy = rule({ id: 'unhappy', type: 'complaint_care', trigger: { kind: 'feedback', csat: { max: 2 } }, priority: 1 });
    const feedback = { id: 'e-f', customerId: 'c-1', occurredAt: NOW, summary: 'CSAT 1', kind: 'feedback' as const, payload: { channel: 'call' as const, csat: 1, nps: null, ces: null, comment: '太慢' } };
    expect(evaluate([unhappy], feedback, customer(), [], NOW, { cooldownDays: 0 }).create).toHaveLength(1);
    expect(evaluate([unhappy], { ...feedback, payload: { ...feedback.payload, csat: 4 } }, customer(), [], NOW).create).toHaveLength(0);
  });
});
