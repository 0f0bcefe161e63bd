/**
 * Issue 6 on the real rig: an agent works five follow-ups in a row in the web console, by
 * keyboard — the customer phones answer, decline or ring out; survey answers are recorded; one
 * customer asks for a callback — and the console's store then holds exactly those outcomes
 * (tasks, history, outbox). Then the same with the sync server gone: the console was signed in,
 * the server is stopped, the held tasks are still worked and the outcomes wait in the outbox.
 * Every test starts its own console host on a fresh data dir.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { killHard, startServerProcess } from '../../integration/server/process';
import type { KamailioRig } from '../../rigs/kamailio/rig';
import { startWebHost } from '../support/web-host';
import { AgentConsole, DOMAIN } from './console-fixtures';
import { test, expect, type PhoneDriver } from './fixtures';
import { anyHourConfig, followUpsFor, FollowUpAgent, heldCount, pulledFollowUps, readStore, seedServer, seedStore, tomorrowTen, type SeededFollowUp } from './followup-fixtures';

// A console host per test (seed + web.ts), five calls, one of them ringing out: minutes, not seconds.
test.describe.configure({ timeout: 300_000 });

async function openConsole(browser: Browser, kamailio: KamailioRig, extension: string, seeded: SeededFollowUp[], settings: Record<string, unknown> = {}) {
  const config = anyHourConfig(settings);
  const host = await startWebHost({
    customers: 0,
    prepare: (dbFile) => seedStore(dbFile, seeded),
    env: { HUIFANG_FOLLOWUP_CONFIG: config },
    sip: { wsUrl: kamailio.wsUrl, domain: DOMAIN, extension, password: `pass${extension}`, displayName: `坐席 ${extension}`, wrapUpSec: 300 },
  });
  const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const agent = new AgentConsole(await context.newPage(), host);
  const close = async () => {
    await context.close().catch(() => undefined);
    await host.close();
    rmSync(path.dirname(config), { recursive: true, force: true });
  };
  try {
    await agent.open();
    await agent.registered();
    await agent.available();
  } catch (error) {
    await close();
    throw error;
  }
  return { agent, fu: new FollowUpAgent(agent), close };
}

interface Worked {
  /** How "no answer" happened: the proxy's 30 s ring timeout, or the agent giving up (H) while it rings. */
  ringOut: 'timeout' | 'agent';
  startedAt: number;
  /** What "next" says once the five are done: nothing due (online or signed out), or offline with nothing held. */
  finally: 'empty' | 'offline';
}

/** The five calls. Returns when the fifth outcome is saved and the queue has nothing workable left. */
async function workFive(fu: FollowUpAgent, phones: PhoneDriver[], seeded: SeededFollowUp[], worked: Worked): Promise<void> {
  const [a, b, c, d, e] = seeded as [SeededFollowUp, SeededFollowUp, SeededFollowUp, SeededFollowUp, SeededFollowUp];
  const [pa, pb, pc, pd, pe] = phones as [PhoneDriver, PhoneDriver, PhoneDriver, PhoneDriver, PhoneDriver];
  const agent = fu.agent;

  await test.step(`1 · ${a.customer.name} answers: survey, satisfied`, async () => {
    await fu.next(a.task.id);
    await test.info().attach('preview.png', { body: await agent.page.screenshot(), contentType: 'image/png' });
    await fu.call();
    await pa.waitForCall('ringing');
    expect((await pa.state()).incoming?.fromUser).toBeTruthy();
    await pa.answer();
    const line = agent.lineIn('active');
    await expect(line).toHaveCount(1);
    await agent.audioFlows(line, 2_000);
    await fu.key('h');
    await pa.waitForCall('terminated');
    await expect(fu.wrapUp(a.task.id)).toBeVisible();
    await fu.wrapUp(a.task.id).getByTestId('wrap-up-disposition').selectOption('reached_satisfied');
    await test.info().attach('wrap-up.png', { body: await agent.page.screenshot(), contentType: 'image/png' });
    await fu.wrapUpAndSave(
      a.task.id,
      { disposition: 'reached_satisfied', answers: { csat: 5, nps: 9, on_time: 'yes', courier: 'good', comment: '送货很快' }, notes: `e2e 满意 ${worked.startedAt}`, tags: 'e2e, 好评', nextAction: '下月推荐新品' },
      'closed',
    );
  });

  await test.step(`2 · ${b.customer.name} declines: busy, retried later`, async () => {
    await fu.next(b.task.id);
    await fu.call();
    await pb.waitForCall('ringing');
    await pb.reject(603);
    await fu.wrapUpAndSave(b.task.id, { expectDisposition: 'busy', notes: 'e2e 拒接' }, 'retry');
  });

  await test.step(`3 · ${c.customer.name} rings out: no answer, retried later`, async () => {
    await fu.next(c.task.id);
    await fu.call();
    await pc.waitForCall('ringing');
    if (worked.ringOut === 'agent') {
      await agent.page.waitForTimeout(6_000);
      await fu.key('h');
    }
    await fu.wrapUpAndSave(c.task.id, { expectDisposition: 'no_answer', notes: 'e2e 无人接听' }, 'retry');
    expect((await pc.state()).call).not.toBe('established');
  });

  await test.step(`4 · ${d.customer.name} answers and asks for a callback tomorrow 10:00 their time`, async () => {
    await fu.next(d.task.id);
    await fu.call();
    await pd.waitForCall('ringing');
    await pd.answer();
    await expect(agent.lineIn('active')).toHaveCount(1);
    await pd.hangup();
    await fu.wrapUpAndSave(d.task.id, { disposition: 'callback', callbackAt: tomorrowTen().local, notes: 'e2e 明天上午回拨' }, 'callback');
  });

  await test.step(`5 · ${e.customer.name} answers: survey, unhappy`, async () => {
    await fu.next(e.task.id);
    await fu.call();
    await pe.waitForCall('ringing');
    await pe.answer();
    await expect(agent.lineIn('active')).toHaveCount(1);
    await fu.key('h');
    await pe.waitForCall('terminated');
    await fu.wrapUpAndSave(e.task.id, { disposition: 'reached_unhappy', answers: { csat: 2, on_time: 'no', courier: 'poor' }, notes: 'e2e 不满意' }, 'closed');
  });

  await test.step('nothing workable is left', async () => {
    await fu.key('n');
    await expect(agent.id('work-view')).toHaveAttribute('data-view', worked.finally);
    await expect(agent.id('agent-state')).toHaveAttribute('data-state', 'available');
  });
}

/** The exact outcomes of the five, in the console's store. */
function expectOutcomes(dbFile: string, seeded: SeededFollowUp[], worked: Worked): ReturnType<typeof readStore> {
  const [a, b, c, d, e] = seeded as [SeededFollowUp, SeededFollowUp, SeededFollowUp, SeededFollowUp, SeededFollowUp];
  const store = readStore(dbFile, seeded);
  const task = (s: SeededFollowUp) => store.tasks.get(s.task.id);
  const now = Date.now();

  // Tasks: closed, retried by the policy (busy PT15M, no answer PT2H), the callback to this agent at the chosen time.
  expect(task(a)).toMatchObject({ status: 'done', attempts: 1 });
  expect(task(e)).toMatchObject({ status: 'done', attempts: 1 });
  expect(task(b)).toMatchObject({ status: 'queued', attempts: 1 });
  expect(task(b)!.dueAt).toBeGreaterThan(now + 10 * 60_000);
  expect(task(b)!.dueAt).toBeLessThan(now + 20 * 60_000);
  expect(task(c)).toMatchObject({ status: 'queued', attempts: 1 });
  expect(task(c)!.dueAt).toBeGreaterThan(now + 100 * 60_000);
  expect(task(c)!.dueAt).toBeLessThan(now + 125 * 60_000);
  expect(task(d)).toMatchObject({ status: 'queued', attempts: 1, dueAt: Date.parse(tomorrowTen().instant) });
  expect(task(d)!.assignedTo).toBeTruthy();

  // History: a call and a follow-up event per task; feedback with the survey answers for the two reached.
  const of = (s: SeededFollowUp, kind: string) => store.events.filter((ev) => ev.customerId === s.customer.id && ev.kind === kind);
  for (const s of seeded) {
    expect(of(s, 'call'), `${s.customer.name}: one outbound call`).toHaveLength(1);
    expect(of(s, 'call')[0]!.payload).toMatchObject({ direction: 'outbound', to: s.number });
    expect(of(s, 'followup'), `${s.customer.name}: one follow-up outcome`).toHaveLength(1);
    expect(of(s, 'followup')[0]!.payload).toMatchObject({ taskId: s.task.id, type: 'satisfaction_survey' });
  }
  expect(of(a, 'call')[0]!.payload['answeredAt']).not.toBeNull();
  expect(of(b, 'call')[0]!.payload['answeredAt']).toBeNull();
  expect(of(c, 'call')[0]!.payload['answeredAt']).toBeNull();
  expect(of(a, 'followup')[0]!.payload).toMatchObject({ disposition: 'reached_satisfied', decision: 'closed', notes: `e2e 满意 ${worked.startedAt}`, tags: ['e2e', '好评'], nextAction: '下月推荐新品' });
  expect(of(b, 'followup')[0]!.payload).toMatchObject({ disposition: 'busy', decision: 'retry' });
  expect(of(c, 'followup')[0]!.payload).toMatchObject({ disposition: 'no_answer', decision: 'retry' });
  expect(of(d, 'followup')[0]!.payload).toMatchObject({ disposition: 'callback', decision: 'callback', callbackAt: tomorrowTen().instant });
  expect(of(e, 'followup')[0]!.payload).toMatchObject({ disposition: 'reached_unhappy', decision: 'closed' });
  expect(of(a, 'feedback')).toHaveLength(1);
  expect(of(a, 'feedback')[0]!.payload).toMatchObject({ channel: 'call', csat: 5, nps: 9, taskId: a.task.id, surveyId: 'csat-delivery', answers: { csat: 5, nps: 9, on_time: true, courier: 'good', comment: '送货很快' } });
  expect(of(e, 'feedback')[0]!.payload).toMatchObject({ csat: 2, answers: { csat: 2, on_time: false, courier: 'poor' } });
  for (const s of [b, c, d]) expect(of(s, 'feedback'), `${s.customer.name}: not reached, no survey`).toHaveLength(0);

  // Outbox: every call and every outcome is queued for the server (10 operations at least).
  const ops = store.outbox.map((o) => JSON.stringify(o.payload));
  for (const s of seeded) {
    expect(ops.filter((o) => o.includes(s.task.id)).length, `${s.customer.name}: outcome in the outbox`).toBeGreaterThan(0);
    expect(ops.filter((o) => o.includes(s.number)).length, `${s.customer.name}: call in the outbox`).toBeGreaterThan(0);
  }
  return store;
}

test('five follow-ups in a row: answered with survey, declined, rung out, callback, unhappy — the store holds each outcome', async ({ browser, kamailio, phones }) => {
  const worked: Worked = { ringOut: 'timeout', startedAt: Date.now(), finally: 'empty' };
  const phoneIds = ['2011', '2012', '2013', '2014', '2015'];
  const seeded = followUpsFor(phoneIds, `a${worked.startedAt}`);
  const customerPhones = await Promise.all(phoneIds.map((id) => phones.open(id)));
  const { agent, fu, close } = await openConsole(browser, kamailio, '1003', seeded);
  try {
    await workFive(fu, customerPhones, seeded, worked);
    const store = expectOutcomes(agent.host.dbFile, seeded, worked);
    test.info().annotations.push({ type: 'outbox', description: `${store.outbox.length} operations, ${store.outbox.filter((o) => o.sentAt === null).length} unsent` });
    expect(agent.pageErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('the same with the sync server gone: the held tasks are worked, the outcomes wait in the outbox', async ({ browser, kamailio, phones }) => {
  const worked: Worked = { ringOut: 'agent', startedAt: Date.now(), finally: 'offline' };
  const phoneIds = ['2016', '2017', '2018', '2019', '2020'];
  const planned = followUpsFor(phoneIds, `b${worked.startedAt}`);
  const customerPhones = await Promise.all(phoneIds.map((id) => phones.open(id)));
  // This console starts empty: customers, orders and the tasks the server's rules made come by sync.
  // It holds up to five tasks ahead, so all five stay workable once the server is gone.
  const { agent, fu, close } = await openConsole(browser, kamailio, '1004', [], { holdAhead: 5 });
  const account = { username: 'agent1004', password: 'agent password 1004' };
  const serverDb = path.join(path.dirname(agent.host.dbFile), 'server.db');
  await seedServer(serverDb, planned, account);
  const server = await startServerProcess(['--db', serverDb], {});
  try {
    const seeded = await test.step('signed in: the tasks arrive, "next" holds them, then the server stops', async () => {
      await agent.id('sync-status').click();
      await agent.id('sync-login-server').fill(server.base);
      await agent.id('sync-login-username').fill(account.username);
      await agent.id('sync-login-password').fill(account.password);
      await agent.id('sync-login-submit').click();
      await expect(agent.id('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
      await expect.poll(() => { try { return pulledFollowUps(agent.host.dbFile, planned).length; } catch { return 0; } }, { message: 'tasks pulled from the server', timeout: 30_000 }).toBe(5);
      const seeded = pulledFollowUps(agent.host.dbFile, planned);
      await fu.next(seeded[0]!.task.id);
      await expect.poll(() => heldCount(agent.host.dbFile, seeded.map((s) => s.number)), { message: 'tasks held by this console', timeout: 30_000 }).toBe(5);
      await killHard(server.child);
      await expect(agent.id('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
      return seeded;
    });

    await workFive(fu, customerPhones, seeded, worked);

    const read = expectOutcomes(agent.host.dbFile, seeded, worked);
    await test.step('the outcomes wait in the outbox, and the console says so', async () => {
      const unsent = read.outbox.filter((o) => o.sentAt === null);
      for (const s of seeded) expect(unsent.some((o) => JSON.stringify(o.payload).includes(s.task.id)), `${s.customer.name}: outcome unsent`).toBe(true);
      await expect(agent.id('sync-status')).toHaveAttribute('data-state', 'offline');
      expect(Number(await agent.id('sync-status').getAttribute('data-pending'))).toBeGreaterThanOrEqual(10);
      test.info().annotations.push({ type: 'outbox', description: `${read.outbox.length} operations, ${unsent.length} unsent while the server is down` });
    });
    expect(agent.pageErrors).toEqual([]);
  } finally {
    await killHard(server.child);
    await close();
  }
});
