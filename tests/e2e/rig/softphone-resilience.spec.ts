/**
 * Issue "Softphone and inbound screen-pop", the unhappy paths: a call while the agent is on Break
 * is refused with 486 (the PBX can route it elsewhere); a proxy restart mid-shift is survived
 * without a click; INVITEs with hostile From headers pop a clear card and crash nothing.
 */
import { test, expect } from './console-fixtures';
import { runSipp } from '../../rigs/kamailio/sipp';

// The file's first test also starts its console host (seed + web.ts): allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ agent }) => {
  await agent.registered();
  await agent.finishWrapUp();
});

test.afterEach(async ({ agent }) => {
  await agent.finishWrapUp();
  expect(agent.pageErrors).toEqual([]);
});

test('on Break, a call is refused with 486 and nothing rings', async ({ agent, phones }) => {
  await agent.id('agent-break').click();
  await agent.id('agent-break-lunch').click();
  await expect(agent.id('agent-state')).toHaveAttribute('data-state', 'break');

  const customer = await phones.open('2001');
  await customer.call('1001', { fromUser: '+8613800138000' });
  const ended = await customer.waitForCall('terminated');
  expect(ended.lastCallEnd).toMatchObject({ code: 486, by: 'remote' });
  await expect(agent.lines).toHaveCount(0);
  await expect(agent.id('agent-state')).toHaveAttribute('data-state', 'break');
});

test('Kamailio restarted mid-shift: registered again within 10 s without a click, and takes calls', async ({ agent, phones, kamailio }) => {
  await agent.available();
  // Record every sip-status the page shows, to see it really went down and came back.
  await agent.id('sip-status').evaluate((node) => {
    const status = node as unknown as { getAttribute(name: string): string | null };
    const seen: string[] = [];
    (globalThis as unknown as { __sipStates: string[] }).__sipStates = seen;
    const Observer = (globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void } }).MutationObserver;
    new Observer(() => seen.push(status.getAttribute('data-state') ?? '')).observe(status, { attributes: true, attributeFilter: ['data-state'] });
  });

  await kamailio.restart();
  const restarted = Date.now();
  await agent.registered(10_000);
  const states = await agent.page.evaluate(() => (globalThis as unknown as { __sipStates: string[] }).__sipStates);
  expect(states.some((s) => s !== 'registered'), `sip-status went through ${states.join(' → ')}`).toBe(true);
  expect(Date.now() - restarted).toBeLessThan(10_000);

  // The new binding works: a call rings on the console (the location table was empty after the restart).
  const customer = await phones.open('2002');
  await customer.call('1001', { fromUser: '+8613800138000' });
  const line = agent.lineIn('ringing');
  await expect(line).toHaveCount(1);
  await line.getByTestId('line-answer').click();
  await customer.waitForCall('established');
  await agent.audioFlows(agent.lineIn('active'));
  await agent.lineIn('active').getByTestId('line-hangup').click();
  await customer.waitForCall('terminated');
});

const LONG_NAME = `${'客户'.repeat(20)}${'A'.repeat(260)}`;
const LONG_NUMBER = '8'.repeat(200);

test('hostile From headers pop a clear card, and the console stays registered and usable', async ({ agent, phones, kamailio }, testInfo) => {
  await agent.available();
  const sippPort = 15065 + testInfo.parallelIndex * 10;
  const invite = (name: string, from: string) =>
    runSipp({ scenario: 'invite-from.xml', proxyPort: kamailio.sipPort, localPort: sippPort, service: '1001', keys: { from }, runDir: kamailio.runDir, name });

  /** An INVITE that reaches the console: it rings, the card says what it is, the agent declines (486). */
  const reaching = async (name: string, from: string, status: string) => {
    const run = invite(name, from);
    const line = agent.lineIn('ringing');
    await expect(line, name).toHaveCount(1);
    const pop = agent.id('screen-pop');
    await expect(pop, name).toHaveAttribute('data-status', status);
    await expect(pop, name).toBeVisible();
    await line.getByTestId('line-reject').click();
    const result = await run;
    expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    expect(result.responses.at(-1), name).toBe(486);
    await expect(agent.lines).toHaveCount(0);
    return pop;
  };

  const long = `"${LONG_NAME}" <sip:${LONG_NUMBER}@huifang.test>`;
  expect(long.length).toBeGreaterThanOrEqual(500);
  await reaching('long', long, 'invalid');
  // Non-ASCII in the user part (percent-encoded, as SIP requires): not a number at all.
  await reaching('non-ascii-user', '"张三（VIP客户）😀" <sip:%E5%BC%A0%E4%B8%89%F0%9F%98%80@huifang.test>', 'invalid');
  // Non-ASCII name with a valid number nobody has: the unknown-caller card with quick create.
  await reaching('non-ascii-name', '"Ünïcödé 客户😀" <sip:+8613600136000@huifang.test>', 'unknown');

  // Garbage the proxy cannot parse never reaches the console: 400 at the proxy.
  for (const [name, from] of [
    ['garbage-brackets', '<<<garbage@@@;;;>>>'],
    ['garbage-quote', '"unterminated <sip:1@huifang.test>'],
  ] as const) {
    const result = await invite(name, from);
    expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    expect(result.responses, name).toEqual([400]);
  }

  // Nothing crashed: still registered, no page errors, and a real call rings and connects.
  await expect(agent.id('sip-status')).toHaveAttribute('data-state', 'registered');
  expect(agent.pageErrors).toEqual([]);
  const customer = await phones.open('2003');
  await customer.call('1001', { fromUser: '+8613800138000' });
  await expect(agent.lineIn('ringing')).toHaveCount(1);
  await expect(agent.id('screen-pop')).toHaveAttribute('data-status', 'matched');
  await agent.lineIn('ringing').getByTestId('line-answer').click();
  await customer.waitForCall('established');
  await agent.lineIn('active').getByTestId('line-hangup').click();
  await customer.waitForCall('terminated');
});
