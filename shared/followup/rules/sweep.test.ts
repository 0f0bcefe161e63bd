import { describe, expect, it } from 'vitest';
import { customer, orderEvent, task, ticketEvent } from '../testkit';
import { BUILTIN_RULES } from './builtin';
import { expire } from './expire';
import { Rule } from './schema';
import { lastActivityAt, sweep, type CustomerActivity } from './sweep';

const NOW = '2026-06-15T02:00:00.000Z';
const only = (id: string) => BUILTIN_RULES.filter((r) => r.id === id);

describe('sweep: onboarding check after sign-up', () => {
  const signedUp = (createdAt: string): CustomerActivity => ({ customer: customer({ createdAt }), lastActivityAt: null });

  it('is due seven days after sign-up', () => {
    const { create } = sweep(only('onboarding'), [signedUp('2026-06-08T02:00:00.000Z')], [], NOW);
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ type: 'onboarding_check', dueAt: '2026-06-15T02:00:00.000Z', slaAt: '2026-06-22T02:00:00.000Z', team: 'success', reasonEventId: null });
  });

  it('is not due yet at six days, and no longer after its window', () => {
    expect(sweep(only('onboarding'), [signedUp('2026-06-09T02:00:00.000Z')], [], NOW).create).toEqual([]);
    expect(sweep(only('onboarding'), [signedUp('2026-05-01T00:00:00.000Z')], [], NOW).create).toEqual([]);
  });

  it('creates nothing the second time round', () => {
    const activity = [signedUp('2026-06-08T02:00:00.000Z')];
    const first = sweep(only('onboarding'), activity, [], NOW).create;
    expect(sweep(only('onboarding'), activity, first, '2026-06-16T02:00:00.000Z')).toEqual({ create: [], skipped: [] });
  });
});

describe('sweep: renewal call before a contract ends', () => {
  const withContract = (endsAt: string): CustomerActivity => ({ customer: customer(), lastActivityAt: NOW, contracts: [{ id: 'K-1', endsAt }] });

  it('is due thirty days before the end', () => {
    const { create } = sweep(only('renewal'), [withContract('2026-07-10T00:00:00.000Z')], [], NOW);
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ type: 'renewal_call', priority: 2, dueAt: '2026-06-10T00:00:00.000Z', reason: expect.stringContaining('K-1') as unknown });
  });

  it('waits for contracts ending later, and one call per contract', () => {
    expect(sweep(only('renewal'), [withContract('2026-09-01T00:00:00.000Z')], [], NOW).create).toEqual([]);
    const two: CustomerActivity = { customer: customer(), lastActivityAt: NOW, contracts: [{ id: 'K-1', endsAt: '2026-07-10T00:00:00.000Z' }, { id: 'K-2', endsAt: '2026-07-11T00:00:00.000Z' }] };
    const { create, skipped } = sweep(only('renewal'), [two], [], NOW);
    expect(create).toHaveLength(1);
    expect(skipped).toEqual([expect.objectContaining({ reason: 'open_task_exists' })]);
  });

  it('yearly: fires again on the next anniversary with a new id', () => {
    const yearly = Rule.parse({ ...only('renewal')[0], id: 'renewal-yearly', trigger: { kind: 'anniversary', anchor: 'contract_end', offsetDays: -30, yearly: true } });
    const a = sweep([yearly], [withContract('2025-07-10T00:00:00.000Z')], [], NOW).create;
    expect(a).toHaveLength(1);
    expect(a[0]?.dueAt).toBe('2026-06-10T00:00:00.000Z');
    const b = sweep([yearly], [withContract('2025-07-10T00:00:00.000Z')], [], '2027-06-15T02:00:00.000Z').create;
    expect(b[0]?.id).not.toBe(a[0]?.id);
  });
});

describe('sweep: reactivation after inactivity', () => {
  const idle = (last: string | null, createdAt = '2024-01-01T00:00:00.000Z'): CustomerActivity => ({ customer: customer({ createdAt }), lastActivityAt: last });

  it('is due after 90 days without activity, now rather than back-dated', () => {
    const { create } = sweep(only('reactivation'), [idle('2026-03-01T00:00:00.000Z')], [], NOW);
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ type: 'reactivation', dueAt: NOW, slaAt: '2026-06-29T02:00:00.000Z', reason: expect.stringContaining('106 days') as unknown });
  });

  it('leaves active customers and long-gone ones alone', () => {
    expect(sweep(only('reactivation'), [idle('2026-05-01T00:00:00.000Z')], [], NOW).create).toEqual([]);
    expect(sweep(only('reactivation'), [idle('2023-01-01T00:00:00.000Z')], [], NOW).create).toEqual([]);
  });

  it('counts from sign-up when there was never any activity', () => {
    expect(sweep(only('reactivation'), [idle(null, '2026-01-01T00:00:00.000Z')], [], NOW).create).toHaveLength(1);
  });

  it('one call per inactivity episode, a new one after the customer was back', () => {
    const first = sweep(only('reactivation'), [idle('2026-03-01T00:00:00.000Z')], [], NOW).create;
    const done = first.map((t) => ({ ...t, status: 'done' as const }));
    expect(sweep(only('reactivation'), [idle('2026-03-01T00:00:00.000Z')], done, '2026-07-01T00:00:00.000Z').create).toEqual([]);
    expect(sweep(only('reactivation'), [idle('2026-07-01T00:00:00.000Z')], done, '2026-10-15T00:00:00.000Z').create).toHaveLength(1);
  });

  it('respects the cool-down with other types and reports it', () => {
    const recent = task({ id: 'care', type: 'complaint_care', status: 'done', dueAt: '2026-06-14T00:00:00.000Z' });
    // Postponed within the 14-day window rather than dropped.
    const { create } = sweep(only('reactivation'), [idle('2026-03-01T00:00:00.000Z')], [recent], NOW);
    expect(create[0]?.dueAt).toBe('2026-06-21T00:00:00.000Z');
    const { skipped } = sweep(only('reactivation'), [idle('2026-03-01T00:00:00.000Z')], [recent], NOW, { cooldownDays: 30 });
    expect(skipped).toEqual([expect.objectContaining({ rule: 'reactivation', customerId: 'c-1', reason: 'cooldown' })]);
  });

  it('only the customer’s own actions are activity', () => {
    const outboundUnanswered = {
      id: 'call-1', customerId: 'c-1', occurredAt: '2026-06-01T00:00:00.000Z', summary: 'no answer', kind: 'call' as const,
      payload: { direction: 'outbound' as const, from: '1', to: '2', ringAt: null, answeredAt: null, endedAt: null, durationSec: 0, agent: null, disposition: 'no_answer', notes: null, quality: null },
    };
    expect(lastActivityAt([orderEvent({ occurredAt: '2026-03-01T00:00:00.000Z' }), ticketEvent({ occurredAt: '2026-02-01T00:00:00.000Z' }), outboundUnanswered])).toBe('2026-03-01T00:00:00.000Z');
    expect(lastActivityAt([outboundUnanswered])).toBeNull();
  });
});

describe('expire', () => {
  it('expires queued tasks a week after their SLA, leaves leased and fresh ones', () => {
    const stale = task({ id: 'stale', slaAt: '2026-06-01T00:00:00.000Z' });
    const leased = task({ id: 'leased', status: 'leased', slaAt: '2026-06-01T00:00:00.000Z' });
    const fresh = task({ id: 'fresh', slaAt: '2026-06-10T00:00:00.000Z' });
    expect(expire([stale, leased, fresh], NOW)).toEqual([{ ...stale, status: 'expired' }]);
  });

  it('takes a grace per type', () => {
    const survey = task({ id: 's', type: 'satisfaction_survey', slaAt: '2026-06-14T00:00:00.000Z' });
    const renewal = task({ id: 'r', type: 'renewal_call', slaAt: '2026-06-14T00:00:00.000Z' });
    expect(expire([survey, renewal], NOW, { staleAfterByType: { satisfaction_survey: 'PT0S' } }).map((t) => t.id)).toEqual(['s']);
  });
});
