/**
 * Issue "Softphone and inbound screen-pop": the agent hands calls on — blind (REFER) and attended
 * (consultation call, then REFER with Replaces) — to a third phone, and juggles two callers with
 * call waiting and swap. Audio is checked on the legs that remain.
 */
import { test, expect, inboundDuring, FLOWING, STOPPED, type PhoneDriver } from './console-fixtures';
import type { AgentConsole } from './console-fixtures';

// The file's first test also starts its console host (seed + web.ts): allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

const slowerSide = async (...phones: PhoneDriver[]) => Math.min(...(await inboundDuring(1000, ...phones)));

async function answeredCall(agent: AgentConsole, customer: PhoneDriver, fromUser: string) {
  await customer.call('1001', { fromUser });
  const line = agent.lineIn('ringing');
  await expect(line).toHaveCount(1);
  await line.getByTestId('line-answer').click();
  await customer.waitForCall('established');
  const active = agent.lineIn('active');
  await expect(active).toHaveCount(1);
  return active;
}

test.beforeEach(async ({ agent }) => {
  await agent.registered();
  await agent.finishWrapUp();
  await agent.available();
});

test.afterEach(async ({ agent }) => {
  await agent.finishWrapUp();
  expect(agent.pageErrors).toEqual([]);
});

test('blind transfer: the caller ends up talking to the third phone', async ({ agent, phones }) => {
  const customer = await phones.open('2001');
  const target = await phones.open('2003', { autoAnswer: true });
  const line = await answeredCall(agent, customer, '+8613900139000');

  await line.getByTestId('line-transfer-input').fill('2003');
  await line.getByTestId('line-blind-transfer').click();

  await target.waitForCall('established');
  await expect(agent.lines).toHaveCount(0);
  await customer.waitFor('the transferred call', (s) => s.call === 'established' && s.direction === 'outbound');
  await expect.poll(() => slowerSide(customer, target), { message: 'customer ↔ 2003: the lower inbound bytes/s', timeout: 8_000 }).toBeGreaterThan(FLOWING);
  await customer.hangup();
  await target.waitForCall('terminated');
});

test('attended transfer: consult the third phone, then join the caller to it', async ({ agent, phones }) => {
  const customer = await phones.open('2002');
  const target = await phones.open('2004', { autoAnswer: true });
  const first = await answeredCall(agent, customer, '+8613900139000');
  const customerLineId = await first.getAttribute('data-line-id');

  // The consultation call puts the caller on hold.
  await agent.dial('2004');
  await target.waitForCall('established');
  await expect(agent.lines).toHaveCount(2);
  const held = agent.page.locator(`[data-testid="line"][data-line-id="${customerLineId}"]`);
  await expect(held).toHaveAttribute('data-state', 'held');
  const consult = agent.lineIn('active');
  await expect(consult).toHaveAttribute('data-direction', 'outbound');
  await agent.audioFlows(consult);

  await held.getByTestId('line-attended-transfer').click();

  // 2002 calls 2004 with Replaces; 2004 takes it over the consultation call; the agent is free.
  await expect(agent.lines).toHaveCount(0, { timeout: 10_000 });
  await customer.waitFor('the replacing call', (s) => s.call === 'established' && s.direction === 'outbound');
  await target.waitFor('the replacing call', (s) => s.call === 'established' && s.direction === 'inbound' && s.incoming?.fromUser === '2002');
  await expect.poll(() => slowerSide(customer, target), { message: '2002 ↔ 2004: the lower inbound bytes/s', timeout: 8_000 }).toBeGreaterThan(FLOWING);
  await target.hangup();
  await customer.waitForCall('terminated');
});

test('call waiting: a second caller rings during a call, swap moves between them', async ({ agent, phones }) => {
  const first = await phones.open('2005');
  const second = await phones.open('2006');
  const firstLine = await answeredCall(agent, first, '+8613900139000');
  const firstId = await firstLine.getAttribute('data-line-id');

  await second.call('1001', { fromUser: '+14155550123' });
  await expect(agent.lineIn('ringing')).toHaveCount(1);
  const secondId = await agent.lineIn('ringing').getAttribute('data-line-id');
  const byId = (id: string | null) => agent.page.locator(`[data-testid="line"][data-line-id="${id}"]`);
  await expect(agent.id('swap-lines')).toBeVisible();

  // Swap answers the waiting call and holds the first.
  await agent.id('swap-lines').click();
  await second.waitForCall('established');
  await expect(byId(firstId)).toHaveAttribute('data-state', 'held');
  await expect(byId(secondId)).toHaveAttribute('data-state', 'active');
  await expect.poll(async () => (await second.rtpDelta(1000)).inbound, { message: 'second caller hears the agent' }).toBeGreaterThan(FLOWING);
  // That the held caller hears nothing is the next test's subject.

  // And back.
  await agent.id('swap-lines').click();
  await expect(byId(firstId)).toHaveAttribute('data-state', 'active');
  await expect(byId(secondId)).toHaveAttribute('data-state', 'held');
  await expect.poll(async () => (await first.rtpDelta(1000)).inbound, { message: 'first caller hears the agent again' }).toBeGreaterThan(FLOWING);

  await byId(secondId).getByTestId('line-hangup').click();
  await second.waitForCall('terminated');
  await byId(firstId).getByTestId('line-hangup').click();
  await first.waitForCall('terminated');
  await expect(agent.lines).toHaveCount(0);
});

/** Inbound RTP bytes/s of two callers over the same window: the held one and the active one. */
async function heldAndActive(held: PhoneDriver, active: PhoneDriver): Promise<{ held: number; active: number }> {
  const [h, a] = await Promise.all([held.rtpDelta(1000), active.rtpDelta(1000)]);
  return { held: h.inbound, active: a.inbound };
}

// A held line must carry no audio (the same criterion as a plain hold in softphone-call.spec.ts:
// < STOPPED bytes/s at the caller). A disabled sender track is not enough: it sends encoded
// silence, ≈150 B/s if the call had run for a while, but ≈1.7–1.8 kB/s when the line is held within
// a second or so of being answered — typical for call waiting, where the second caller already
// rings. Here the agent answers the first caller while the second waits, then swaps at once.
test('call waiting: the caller held by a swap hears nothing from the agent', async ({ agent, phones }) => {
  const first = await phones.open('2005');
  const second = await phones.open('2006');
  await first.call('1001', { fromUser: '+8613900139000' });
  await expect(agent.lineIn('ringing')).toHaveCount(1);
  const firstId = await agent.lineIn('ringing').getAttribute('data-line-id');
  await second.call('1001', { fromUser: '+14155550123' });
  await expect(agent.lineIn('ringing')).toHaveCount(2);
  const byId = (id: string | null) => agent.page.locator(`[data-testid="line"][data-line-id="${id}"]`);
  const secondId = await agent.page.locator(`[data-testid="line"][data-state="ringing"]:not([data-line-id="${firstId}"])`).getAttribute('data-line-id');

  await byId(firstId).getByTestId('line-answer').click();
  await first.waitForCall('established');
  await expect(byId(firstId)).toHaveAttribute('data-state', 'active');
  // Swap right away: answers the waiting caller, holds the first.
  await agent.id('swap-lines').click();
  await second.waitForCall('established');
  await expect(byId(firstId)).toHaveAttribute('data-state', 'held');
  await expect(byId(secondId)).toHaveAttribute('data-state', 'active');
  await expect.poll(async () => (await heldAndActive(first, second)).held, { message: 'first caller, held: inbound bytes/s', timeout: 5_000 }).toBeLessThan(STOPPED);
  const afterSwap = await heldAndActive(first, second);
  expect(afterSwap.held, `held caller ${afterSwap.held} B/s while the active one got ${afterSwap.active} B/s`).toBeLessThan(STOPPED);
  expect(afterSwap.active, 'second caller, active, hears the agent').toBeGreaterThan(FLOWING);

  // And back: now the second caller is the held one, and the first hears the agent again.
  await agent.id('swap-lines').click();
  await expect(byId(firstId)).toHaveAttribute('data-state', 'active');
  await expect(byId(secondId)).toHaveAttribute('data-state', 'held');
  await expect.poll(async () => (await heldAndActive(second, first)).held, { message: 'second caller, held: inbound bytes/s', timeout: 5_000 }).toBeLessThan(STOPPED);
  const afterSwapBack = await heldAndActive(second, first);
  expect(afterSwapBack.held, `held caller ${afterSwapBack.held} B/s while the active one got ${afterSwapBack.active} B/s`).toBeLessThan(STOPPED);
  expect(afterSwapBack.active, 'first caller, active again, hears the agent').toBeGreaterThan(FLOWING);

  await byId(secondId).getByTestId('line-hangup').click();
  await second.waitForCall('terminated');
  await byId(firstId).getByTestId('line-hangup').click();
  await first.waitForCall('terminated');
  await expect(agent.lines).toHaveCount(0);
});
