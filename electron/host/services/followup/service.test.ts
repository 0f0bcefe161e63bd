import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, dispatch } from '../../../../shared/api';
import { followUpWorld, hours, NOW, type World } from './testing';

let world: World;
afterEach(() => world.close());

const SH = { timeZone: 'Asia/Shanghai', region: 'CN' } as const;
const NY = { timeZone: 'America/New_York', region: 'US' } as const;
const LA = { timeZone: 'America/Los_Angeles', region: 'US' } as const;

const pickedId = async () => {
  const next = await world.service.nextTask({});
  return next.status === 'task' ? next.preview.task.id : next.status;
};
const failureOf = async (p: Promise<unknown>): Promise<ApiFailure> => {
  try {
    await p;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected an ApiFailure');
};
const outbox = () => world.stores.outbox.pending(100).map((op) => ({ opId: op.opId, kind: op.kind, payload: op.payload as Record<string, unknown> }));
const followupEvents = (customerId: string) =>
  world.stores.history.page({ customerId, kinds: ['followup'], limit: 50 }).events;

describe('the local queue: order and compliance', () => {
  it('serves the agent’s own due callback first, then by effective priority', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('p2', 'c1', { priority: 2 });
    world.task('risky-p3', 'c1', { priority: 3, dueAt: hours(-40), slaAt: hours(8) });
    world.task('p1', 'c1', { priority: 1 });
    world.task('callback', 'c1', { priority: 5, assignedTo: '1001' });
    world.task('theirs', 'c1', { priority: 1, assignedTo: '1002' });
    world.task('later', 'c1', { priority: 1, dueAt: hours(2) });
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const next = await world.service.nextTask({});
      if (next.status !== 'task') break;
      order.push(next.preview.task.id);
      await world.service.skipTask({ taskId: next.preview.task.id, reason: 'other', note: '' });
    }
    expect(order).toEqual(['callback', 'p1', 'risky-p3', 'p2']);
  });

  it('never offers a number on the do-not-call list, whatever format either side wrote it in', async () => {
    world = followUpWorld({ config: { doNotCall: ['138-0013-8000', '0086 139 0013 9000'] } });
    world.customer('listed', SH, ['+8613800138000']);
    world.customer('listed2', SH, ['+8613900139000']);
    world.customer('flagged', { ...SH, doNotCall: true }, ['+8613700137000']);
    world.customer('ok', SH, ['+8613600136001']);
    for (const id of ['listed', 'listed2', 'flagged']) world.task(`t-${id}`, id, { priority: 1 });
    world.task('t-ok', 'ok', { priority: 5 });
    expect(await pickedId()).toBe('t-ok');
    for (const raw of ['13800138000', '+86 138 0013 8000', 'tel:+86-138-0013-8000', 'sip:+8613800138000@pbx.example', '0086 139-0013-9000']) {
      expect(world.service.checkDial({ number: raw, customerId: null, taskId: null }), raw).toMatchObject({ ok: false, reason: 'on_dnc_list' });
    }
    expect(world.service.checkDial({ number: '13700137000', customerId: 'flagged', taskId: null })).toMatchObject({ ok: false, reason: 'customer_do_not_call' });
    expect(world.service.checkDial({ number: 'call me maybe', customerId: null, taskId: null })).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(world.service.checkDial({ number: '136 0013 6001', customerId: 'ok', taskId: 't-ok' })).toEqual({ ok: true, e164: '+8613600136001' });
  });

  it('dials a customer’s next number when the primary one is listed', async () => {
    world = followUpWorld({ config: { doNotCall: ['+8613800138000'] } });
    world.customer('c1', SH, ['+8613800138000', '+8613800138011']);
    world.task('t1', 'c1');
    const next = await world.service.nextTask({});
    expect(next.status === 'task' && next.preview.dial).toMatchObject({ number: '+8613800138011', check: { ok: true, e164: '+8613800138011' } });
  });

  it('keeps to each customer’s calling window in their own zone, and says when the next one opens', async () => {
    world = followUpWorld();
    world.customer('ny', NY, ['+12125550123']);
    world.customer('la', LA, ['+12135550123']);
    world.task('t-ny', 'ny', { priority: 1 });
    world.task('t-la', 'la', { priority: 5 });
    // 22:00 in New York, 19:00 in Los Angeles.
    expect(await pickedId()).toBe('t-la');
    expect(world.service.checkDial({ number: '+12125550123', customerId: null, taskId: 't-ny' })).toMatchObject({
      ok: false,
      reason: 'outside_calling_window',
      nextAllowedAt: '2026-11-25T14:00:00.000Z', // Wednesday 09:00 in New York
    });
    await world.service.skipTask({ taskId: 't-la', reason: 'other', note: '' });
    expect(await world.service.nextTask({})).toEqual({ status: 'empty', nextAt: '2026-11-25T14:00:00.000Z' });
  });

  it('passes over tasks with no dials left', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('spent', 'c1', { priority: 1, attempts: 3 });
    world.task('fresh', 'c1', { priority: 4, attempts: 2 });
    expect(await pickedId()).toBe('fresh');
    expect(world.service.checkDial({ number: '+8613800138000', customerId: null, taskId: 'spent' })).toMatchObject({ ok: false, reason: 'max_attempts' });
  });

  it('filters by type', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('survey', 'c1', { priority: 1 });
    world.task('care', 'c1', { priority: 5, type: 'complaint_care' });
    const next = await world.service.nextTask({ type: 'complaint_care' });
    expect(next.status === 'task' && next.preview.task.id).toBe('care');
  });

  it('previews the customer, the triggering order, the script filled in the customer’s language and the survey', async () => {
    world = followUpWorld();
    const emily = world.customer('emily', { ...LA, name: 'Emily Johnson', language: 'en' }, ['+14155550123']);
    world.stores.history.append({
      id: 'ev-order',
      customerId: emily.id,
      occurredAt: hours(-30),
      kind: 'order',
      summary: 'order',
      payload: { orderId: 'O-7781', amountMinor: 12_900, currency: 'USD', items: [{ sku: 'K1', name: 'Kettle', qty: 1 }], status: 'delivered' },
    });
    world.task('t1', emily.id, { reasonEventId: 'ev-order', attempts: 1 });
    const next = await world.service.nextTask({});
    if (next.status !== 'task') throw new Error(next.status);
    const p = next.preview;
    expect(p.reasonEvent?.id).toBe('ev-order');
    expect(p.script?.text).toContain('Hello, is this Emily Johnson? This is 小李');
    expect(p.script?.text).toContain('O-7781 (Kettle)');
    expect(p.script?.text).not.toMatch(/[{}]/);
    expect(p.survey?.id).toBe('csat-delivery');
    expect(p.dial).toMatchObject({ number: '+14155550123', zone: 'America/Los_Angeles', localTime: '2026-11-24T19:00:00.000-08:00', check: { ok: true } });
    expect(p).toMatchObject({ attemptsLeft: 2, canCallback: true, task: { status: 'leased', assignedTo: '1001', customerName: 'Emily Johnson' } });
  });
});

describe('holding', () => {
  it('signed out: the local store is the truth; a held task is the agent’s until worked', async () => {
    world = followUpWorld({ state: 'signed_out' });
    world.customer('c1', SH);
    world.task('t1', 'c1');
    world.task('t2', 'c1', { status: 'leased', assignedTo: '1002' });
    expect(await pickedId()).toBe('t1');
    expect(world.stores.tasks.byId('t1')).toMatchObject({ status: 'leased', assignedTo: '1001' });
    expect(await pickedId()).toBe('t1'); // "next" again resumes what the agent holds
    expect((await failureOf(world.service.openTask('t2'))).message).toBe('taskId: held by 1002');
    expect(world.sync.claimed).toEqual([]);
  });

  it('online: claims on the server, goes past a task a colleague holds, and holds a few ahead', async () => {
    world = followUpWorld({ state: 'online', config: { holdAhead: 2 } });
    world.customer('c1', SH);
    for (const [id, priority] of [['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5]] as const) world.task(id, 'c1', { priority });
    world.sync.claims.set('a', { granted: false, taskId: 'a', holder: 'u-colleague', leaseUntil: hours(8) });
    expect(await pickedId()).toBe('b');
    expect(world.stores.tasks.byId('a')).toMatchObject({ status: 'leased', assignedTo: 'u-colleague' });
    await world.service.idle();
    expect(world.sync.claimed).toEqual(['a', 'b', 'c', 'd']);
    expect(['b', 'c', 'd'].map((id) => world.stores.tasks.byId(id)?.assignedTo)).toEqual(['u-me', 'u-me', 'u-me']);
  });

  it('offline: works only the tasks this console holds under a live lease, and says so when there are none', async () => {
    world = followUpWorld({ state: 'online', config: { holdAhead: 1 } });
    world.customer('c1', SH);
    world.task('a', 'c1', { priority: 1 });
    world.task('b', 'c1', { priority: 2 });
    world.task('c', 'c1', { priority: 3 });
    expect(await pickedId()).toBe('a');
    await world.service.idle(); // holds b ahead
    world.sync.state = 'offline';
    await world.service.saveOutcome({ saveId: 'save-0001', taskId: 'a', callId: null, disposition: 'reached_satisfied', notes: '', answers: { csat: 5 }, tags: [], callbackAt: null, nextAction: '' });
    expect(await pickedId()).toBe('b');
    await world.service.skipTask({ taskId: 'b', reason: 'duplicate', note: '' });
    const none = await world.service.nextTask({});
    expect(none).toMatchObject({ status: 'offline' });
    expect(none.status === 'offline' && none.message).toMatch(/holds no follow-up/);
    expect((await failureOf(world.service.openTask('c'))).code).toBe('unavailable');
    // A held lease that ran out is not offered offline (someone else may have it by now).
    world.clock.now = Date.parse('2026-11-26T01:30:00.000Z'); // next morning: b's 8 h lease is over
    world.sync.state = 'online';
    world.sync.claims.set('c', 'unreachable');
    expect(await world.service.nextTask({})).toMatchObject({ status: 'offline' });
  });
});

describe('skip and reschedule', () => {
  it('skips with a reason: the task is closed, history says why, the server is told', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    const { task } = await world.service.skipTask({ taskId: 't1', reason: 'not_relevant', note: 'bought a new one' });
    expect(task).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(followupEvents('c1')[0]?.payload).toMatchObject({ outcome: 'skipped', decision: 'skipped', reason: 'not_relevant', notes: 'skipped: not_relevant — bought a new one' });
    expect(outbox().map((op) => [op.kind, op.payload.taskId, op.payload.result])).toEqual([['task.outcome', 't1', 'skipped']]);
  });

  it('reschedules only into the customer’s calling hours, suggesting the nearest time that is', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    const night = await failureOf(world.service.rescheduleTask({ taskId: 't1', at: '2026-11-25T14:00:00.000Z', note: '' })); // 22:00 in Shanghai
    expect(night).toMatchObject({ code: 'bad_request', field: 'at' });
    expect(night.message).toBe("at: is outside the customer's calling hours; the nearest allowed time is 2026-11-26T01:00:00.000Z (Asia/Shanghai)");
    expect((await failureOf(world.service.rescheduleTask({ taskId: 't1', at: hours(-1), note: '' }))).message).toMatch(/^at: must be in the future/);
    expect(world.stores.tasks.byId('t1')?.status).toBe('queued');
    const { task } = await world.service.rescheduleTask({ taskId: 't1', at: '2026-11-26T07:00:00.000Z', note: '客户下午方便' });
    expect(task).toMatchObject({ status: 'queued', dueAt: '2026-11-26T07:00:00.000Z', assignedTo: '1001', attempts: 0 });
    expect(followupEvents('c1')[0]?.payload).toMatchObject({ decision: 'rescheduled', callbackAt: '2026-11-26T07:00:00.000Z', notes: '客户下午方便' });
  });
});

describe('wrap-up (saveFollowUpOutcome)', () => {
  const base = { callId: 'call-1', notes: '', answers: {}, tags: [], callbackAt: null, nextAction: '' };

  it('names every missing or bad field at once, and writes nothing', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    const reply = await dispatch(
      { ...world.host.handlers, saveFollowUpOutcome: (input) => world.service.saveOutcome(input) },
      'saveFollowUpOutcome',
      { ...base, saveId: 'save-0001', taskId: 't1', disposition: 'reached_satisfied', answers: { csat: 9, nps: 'great', mood: 'ok' } },
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.field).toBe('answers.mood');
    expect(reply.error.problems?.map((p) => p.field).sort()).toEqual(['answers.csat', 'answers.mood', 'answers.nps']);
    const callback = await failureOf(world.service.saveOutcome({ ...base, saveId: 'save-0002', taskId: 't1', disposition: 'callback' }));
    expect(callback).toMatchObject({ field: 'callbackAt' });
    const unknown = await failureOf(world.service.saveOutcome({ ...base, saveId: 'save-0003', taskId: 't1', disposition: 'sold_a_car' }));
    expect(unknown.message).toMatch(/^disposition: unknown disposition "sold_a_car"/);
    const missing = await failureOf(world.service.saveOutcome({ ...base, saveId: 'save-0004', taskId: 't1', disposition: 'reached_unhappy', answers: { nps: 3 } }));
    expect(missing).toMatchObject({ field: 'answers.csat', message: 'answers.csat: required', problems: undefined });
    expect(followupEvents('c1')).toEqual([]);
    expect(outbox()).toEqual([]);
  });

  it('reached with answers: closes the task, writes the follow-up and the feedback events and their ops, once per saveId', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    await world.service.nextTask({});
    const input = { ...base, saveId: 'save-0001', taskId: 't1', disposition: 'reached_satisfied', notes: '很满意', answers: { csat: 5, nps: 9, on_time: true, courier: 'good', comment: '送得很快' }, tags: ['vip'] };
    const saved = await world.service.saveOutcome(input);
    expect(saved).toMatchObject({ decision: 'closed', eventIds: ['fu-save-0001', 'fb-save-0001'], task: { status: 'done', attempts: 1 } });
    const again = await world.service.saveOutcome(input);
    expect(again).toEqual(saved);
    const events = world.stores.history.page({ customerId: 'c1', limit: 10 }).events;
    expect(events.map((e) => e.id).sort()).toEqual(['fb-save-0001', 'fu-save-0001']);
    expect(events.find((e) => e.kind === 'feedback')?.payload).toEqual({
      channel: 'call', csat: 5, nps: 9, ces: null, comment: '送得很快', surveyId: 'csat-delivery', taskId: 't1',
      answers: { csat: 5, nps: 9, on_time: true, courier: 'good', comment: '送得很快' },
    });
    expect(events.find((e) => e.kind === 'followup')?.payload).toMatchObject({ disposition: 'reached_satisfied', decision: 'closed', reason: 'reached', attempt: 1, callId: 'call-1', tags: ['vip'], agent: '1001' });
    expect(outbox().map((op) => [op.opId, op.kind])).toEqual([['save-0001-feedback', 'history.append'], ['save-0001', 'task.outcome']]);
  });

  it('is one transaction: when the outbox refuses, no event and no task change stay behind', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    world.stores.outbox.enqueue({ opId: 'save-0001', kind: 'note', payload: {}, createdAt: NOW }); // the op id is taken
    await expect(world.service.saveOutcome({ ...base, saveId: 'save-0001', taskId: 't1', disposition: 'reached_satisfied', answers: { csat: 4 } })).rejects.toThrow(/UNIQUE/);
    expect(world.stores.history.page({ customerId: 'c1', limit: 10 }).events).toEqual([]);
    expect(world.stores.tasks.byId('t1')).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('no answer: queued again for anyone after the policy’s wait, moved into the customer’s window', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    world.clock.now = Date.parse('2026-11-25T11:30:00.000Z'); // 19:30 in Shanghai: +2 h is 21:30, after hours
    const saved = await world.service.saveOutcome({ ...base, saveId: 'save-0001', taskId: 't1', disposition: 'no_answer' });
    expect(saved).toMatchObject({ decision: 'retry', task: { status: 'queued', attempts: 1, assignedTo: null, dueAt: '2026-11-26T01:00:00.000Z' } });
    expect(followupEvents('c1')[0]?.payload).toMatchObject({ decision: 'retry', nextDueAt: '2026-11-26T01:00:00.000Z', attempts: 1, assignedTo: null });
  });

  it('callback: due exactly at the customer’s time, assigned back to this agent; a time out of hours is refused with a suggestion', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    world.task('t1', 'c1');
    const late = await failureOf(world.service.saveOutcome({ ...base, saveId: 'save-0001', taskId: 't1', disposition: 'callback', callbackAt: '2026-11-25T13:30:00.000Z' }));
    expect(late).toMatchObject({ field: 'callbackAt', message: "callbackAt: is outside the customer's calling hours; the nearest allowed time is 2026-11-26T01:00:00.000Z (Asia/Shanghai)" });
    const saved = await world.service.saveOutcome({ ...base, saveId: 'save-0002', taskId: 't1', disposition: 'callback', callbackAt: '2026-11-26T07:15:00.000Z' });
    expect(saved).toMatchObject({ decision: 'callback', task: { status: 'queued', dueAt: '2026-11-26T07:15:00.000Z', assignedTo: '1001', attempts: 1 } });
    // When it is due, it is this agent's first task.
    world.task('urgent', 'c1', { priority: 1 });
    world.clock.now = Date.parse('2026-11-26T07:15:00.000Z');
    expect(await pickedId()).toBe('t1');
  });

  it('do not call: flags the customer and blocks the number here at once, for every dial path', async () => {
    world = followUpWorld();
    world.customer('c1', SH, ['+8613800138000']);
    world.customer('c2', SH, [{ e164: '+8613800138000', label: 'home', isPrimary: true }]);
    world.task('t1', 'c1');
    world.task('t2', 'c2', { priority: 5 });
    const saved = await world.service.saveOutcome({ ...base, saveId: 'save-0001', taskId: 't1', disposition: 'do_not_call' });
    expect(saved).toMatchObject({ decision: 'closed', task: { status: 'done' } });
    expect(world.stores.customers.byId('c1')?.doNotCall).toBe(true);
    expect(world.service.checkDial({ number: '138 0013 8000', customerId: null, taskId: null })).toMatchObject({ ok: false, reason: 'on_dnc_list' });
    expect(await world.service.nextTask({})).toMatchObject({ status: 'empty' });
    expect(followupEvents('c1')[0]?.payload).toMatchObject({ outcome: 'do_not_call', decision: 'closed', reason: 'do_not_call' });
  });
});

describe('an inbound call’s wrap-up with a survey (recordCall)', () => {
  const call = {
    direction: 'inbound', from: '+8613800138000', to: '4008201234', ringAt: NOW, answeredAt: NOW, endedAt: hours(0.1),
    durationSec: 360, agent: '1001', disposition: 'resolved', notes: null, quality: null,
  } as const;

  it('writes the feedback event with the call, and refuses bad answers naming them', async () => {
    world = followUpWorld();
    world.customer('c1', SH);
    const record = (input: unknown) => dispatch(world.host.handlers, 'recordCall', input, { checkOutput: true });
    const bad = await record({ callId: 'in-1', customerId: 'c1', occurredAt: NOW, payload: call, survey: { surveyId: 'csat-purchase', answers: { csat: 0 } } });
    expect(bad).toMatchObject({ ok: false, error: { field: 'survey.answers.csat' } });
    const ok = await record({ callId: 'in-1', customerId: 'c1', occurredAt: NOW, payload: call, survey: { surveyId: 'csat-purchase', answers: { csat: 4, as_described: false } }, tags: ['quality'] });
    expect(ok.ok).toBe(true);
    const events = world.stores.history.page({ customerId: 'c1', limit: 10 }).events;
    expect(events.map((e) => e.kind).sort()).toEqual(['call', 'feedback']);
    expect(events.find((e) => e.kind === 'feedback')?.payload).toMatchObject({ csat: 4, surveyId: 'csat-purchase', answers: { csat: 4, as_described: false } });
    expect(events.find((e) => e.kind === 'call')?.payload).toMatchObject({ tags: ['quality'] });
  });
});
