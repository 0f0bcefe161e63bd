import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Method, type OutputOf } from '../../../shared/api';
import type { HistoryCursor } from '../../../shared/domain';
import { createHost, type Host } from '../composition';
import { KNOWN } from './known';
import { seedDemo } from './seed';

let host: Host;
async function call<M extends Method>(method: M, input: unknown): Promise<OutputOf<M>> {
  const reply = await dispatch(host.handlers, method, input, { checkOutput: true });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as OutputOf<M>;
}

beforeAll(() => {
  host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: 'test' });
  seedDemo(host.db, { customers: 1_000, seed: 42 });
});
afterAll(() => host.close());

describe('a seeded demo store, as the console sees it', () => {
  it('holds the customers asked for', async () => {
    expect((await call('appInfo', {})).customers).toBe(1_000);
  });

  it('pops 张伟 for "138 0013 8000" with a history of every kind, newest first, the open complaint on top', async () => {
    const pop = await call('lookupCaller', { raw: '138 0013 8000' });
    if (pop.status !== 'matched') throw new Error(`expected a match, got ${pop.status}`);
    expect(pop.view.customer.name).toBe(KNOWN.zhangWei.name);
    expect(Object.values(pop.view.counts).every((n) => n > 0)).toBe(true);
    const events = pop.view.firstPage.events;
    expect(events.map((e) => e.occurredAt)).toEqual([...events.map((e) => e.occurredAt)].sort().reverse());
    expect(events.find((e) => e.kind === 'ticket')?.id).toBe(KNOWN.zhangWei.openTicketEventId);
  });

  it('offers both people on the shared line', async () => {
    const pop = await call('lookupCaller', { raw: KNOWN.sharedLine.e164 });
    expect(pop.status === 'multiple' && pop.candidates.map((c) => c.id).sort()).toEqual(KNOWN.sharedLine.customers.map((c) => c.id).sort());
  });

  it('pops the English-speaking customer from a US number', async () => {
    const pop = await call('lookupCaller', { raw: 'sip:+1-415-555-0123@pbx' });
    expect(pop.status === 'matched' && pop.view.customer).toMatchObject({ name: KNOWN.english.name, language: 'en' });
  });

  it('says unknown for the number that belongs to nobody', async () => {
    expect(await call('lookupCaller', { raw: KNOWN.unknownNumber })).toEqual({ status: 'unknown', e164: KNOWN.unknownNumber });
  });

  it('scrolls through all 10,000 events of the long history without a repeat or a gap', async () => {
    const seen = new Set<string>();
    let before: HistoryCursor | null = null;
    let last = '\uffff';
    do {
      const page: OutputOf<'historyPage'> = await call('historyPage', { customerId: KNOWN.longHistory.id, before, limit: 500 });
      for (const e of page.events) {
        expect(e.occurredAt <= last).toBe(true);
        last = e.occurredAt;
        seen.add(e.id);
      }
      before = page.nextCursor;
    } while (before);
    expect(seen.size).toBe(KNOWN.longHistory.events);
  });

  it('queues 张伟’s complaint follow-up at the top priority, among other open tasks', async () => {
    expect((await call('queueList', { status: 'queued' })).total).toBeGreaterThan(50);
    const care = await call('queueList', { status: 'queued', type: 'complaint_care', limit: 500 });
    expect(care.tasks.find((t) => t.id === KNOWN.zhangWei.complaintTaskId)).toMatchObject({
      customerName: KNOWN.zhangWei.name,
      priority: 1,
      reasonEventId: KNOWN.zhangWei.openTicketEventId,
    });
  });
});

describe('the demo console’s follow-ups', () => {
  let demo: Host;
  // Saturday 10:30 in Shanghai, the morning after the anchor: 陈静's callback is due.
  const now = Date.UTC(2026, 10, 21, 2, 30);
  const ask = async <M extends Method>(method: M, input: unknown): Promise<OutputOf<M>> => {
    const reply = await dispatch(demo.handlers, method, input, { checkOutput: true });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as OutputOf<M>;
  };
  beforeAll(async () => {
    demo = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: 'test', sync: { autoStart: false }, followUp: { now: () => now } });
    seedDemo(demo.db, { customers: 1_000, seed: 42 });
    const settings = { wsUrl: 'ws://127.0.0.1:8088', domain: 'huifang.test', extension: '1001', authorizationUsername: '1001', displayName: '李娜', wrapUpLimitSec: 60, whenNotAvailable: 'busy', callWaiting: true };
    await ask('saveSoftphoneSettings', { settings });
  });
  afterAll(() => demo.close());

  it('offers agent 1001 陈静’s callback first, on the line 王芳 shares but asked not to be called on', async () => {
    const f = KNOWN.followUps;
    const next = await ask('nextTask', {});
    expect(next.status === 'task' && next.preview.task).toMatchObject({ id: f.callback.taskId, assignedTo: '1001', status: 'leased' });
    expect(next.status === 'task' && next.preview.dial.check).toEqual({ ok: true, e164: KNOWN.sharedLine.e164 });
    expect(await ask('checkDial', { number: KNOWN.sharedLine.e164, taskId: f.doNotCall.taskId })).toMatchObject({ ok: false, reason: 'customer_do_not_call' });
  });

  it('previews Emily’s survey with the delivered order, an English script and the delivery survey', async () => {
    const preview = await ask('openTask', { taskId: KNOWN.followUps.survey.taskId });
    expect(preview.reasonEvent).toMatchObject({ id: KNOWN.followUps.survey.orderEventId, kind: 'order' });
    expect(preview.script?.text).toContain(`Your order ${KNOWN.followUps.survey.orderId} (Electric kettle)`);
    expect(preview.script?.missing).toEqual([]);
    expect(preview.survey?.id).toBe('csat-delivery');
    expect(preview.dial.zone).toBe('America/Los_Angeles');
  });

  it('gives generated tasks the rule, team, script and survey a built-in rule would, with its reason event', async () => {
    const { tasks } = await ask('queueList', { status: 'queued', limit: 500 });
    const generated = tasks.filter((t) => t.id.startsWith('task-0'));
    expect(generated.length).toBeGreaterThan(20);
    expect(generated.every((t) => t.ruleId && t.team && t.scriptId)).toBe(true);
    const surveys = generated.filter((t) => t.type === 'satisfaction_survey');
    expect(surveys.every((t) => t.surveyId === 'csat-delivery')).toBe(true);
    expect(surveys.filter((t) => t.reasonEventId !== null).length).toBeGreaterThan(surveys.length / 2);
    expect(generated.filter((t) => t.type === 'reactivation').every((t) => t.reasonEventId === null)).toBe(true);
  });
});
