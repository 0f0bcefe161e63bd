/**
 * Issue "Softphone and inbound screen-pop", the main path on the real rig: the console registers
 * as agent 1001 through Kamailio; 张伟 calls from +8613800138000 and his customer 360 is on screen
 * while the line still rings; the agent answers and audio flows both ways; DTMF, mute and hold do
 * what the far end notices; the wrap-up is saved and the call is in 张伟's history.
 */
import { test, expect, callsInHistory, FLOWING, STOPPED, ZHANG_WEI } from './console-fixtures';

/** Muted: the sender track is disabled and Opus carries silence (a few bytes per packet). */
// The file's first test also starts its console host (seed + web.ts): allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

const MUTED = 1000;

test('inbound call: screen-pop before answer, two-way audio, DTMF, mute, hold, wrap-up into history', async ({ agent, phones }) => {
  await test.step('registers as agent 1001 and goes Available', async () => {
    await agent.registered();
    await agent.available();
  });

  // An endpoint without RFC 4733 (its SDP carries no telephone-event): the console must send DTMF
  // as SIP INFO, the only DTMF a browser on the far end can observe.
  const customer = await phones.open('2001', { telephoneEvent: false });
  const line = agent.lines.first();

  await test.step('张伟 calls: his customer 360 pops while the line still rings', async () => {
    await customer.call('1001', { fromUser: ZHANG_WEI.mobile });
    await expect(line).toHaveAttribute('data-state', 'ringing');
    await expect(line).toHaveAttribute('data-direction', 'inbound');
    const pop = agent.id('screen-pop');
    await expect(pop).toHaveAttribute('data-status', 'matched');
    await expect(pop.getByTestId('customer-360')).toBeVisible();
    await expect(pop.getByTestId('customer-name')).toHaveText(ZHANG_WEI.name);
    await expect(pop.getByTestId('history-row').first()).toBeVisible();
    // Still not answered: on the console, and on the caller's side.
    await expect(line).toHaveAttribute('data-state', 'ringing');
    expect((await customer.state()).call).toBe('calling');
    const lineId = await line.getAttribute('data-line-id');
    const marks = await agent.marks();
    const invite = marks.find((m) => m.name === `huifang:invite:${lineId}`);
    const rendered = marks.find((m) => m.name === `huifang:screenpop-rendered:${lineId}`);
    expect(invite, 'the INVITE mark').toBeDefined();
    expect(rendered, 'the screen-pop mark').toBeDefined();
    expect(rendered!.startTime).toBeGreaterThanOrEqual(invite!.startTime);
  });

  await test.step('answer: audio flows both ways', async () => {
    await line.getByTestId('line-answer').click();
    await expect(line).toHaveAttribute('data-state', 'active');
    await customer.waitForCall('established');
    await expect(agent.id('agent-state')).toHaveAttribute('data-state', 'on_call');
    await agent.audioFlows(line);
    await expect.poll(async () => (await customer.rtpDelta(1000)).inbound, { message: 'customer: RTP bytes/s from the console' }).toBeGreaterThan(FLOWING);
  });

  await test.step('DTMF from the dialpad reaches the far end (SIP INFO fallback)', async () => {
    await agent.keys('12#');
    await expect.poll(async () => (await customer.state()).receivedDtmf).toBe('12#');
  });

  await test.step('mute: the customer stops hearing the agent, the agent still hears the customer', async () => {
    const mute = line.getByTestId('line-mute');
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await customer.rtpDelta(1000)).inbound, { message: 'customer: bytes/s while the agent is muted' }).toBeLessThan(MUTED);
    await agent.audioFlows(line, 2_000, { sending: false });
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await customer.rtpDelta(1000)).inbound, { message: 'customer: bytes/s after unmute' }).toBeGreaterThan(FLOWING);
  });

  await test.step('hold stops the media, resume restarts it', async () => {
    await line.getByTestId('line-hold').click();
    await expect(line).toHaveAttribute('data-state', 'held');
    // The held customer must not hear the agent (who may be consulting a colleague). Soft, so the
    // rest of the call is still checked when this fails.
    await expect.soft.poll(async () => (await customer.rtpDelta(1000)).inbound, { message: 'customer: bytes/s while held (the agent’s microphone must be off)', timeout: 5_000 }).toBeLessThan(STOPPED);
    await line.getByTestId('line-resume').click();
    await expect(line).toHaveAttribute('data-state', 'active');
    await expect.poll(async () => (await customer.rtpDelta(1000)).inbound, { message: 'customer: bytes/s after resume' }).toBeGreaterThan(FLOWING);
    await agent.audioFlows(line);
  });

  const notes = `客户反映配送延误，已承诺明天回电 (e2e ${Date.now()})`;
  await test.step('hang up, wrap up: disposition and notes saved', async () => {
    await line.getByTestId('line-hangup').click();
    await customer.waitForCall('terminated');
    expect((await customer.state()).lastCallEnd).toMatchObject({ by: 'remote' });
    await expect(agent.lines).toHaveCount(0);
    await expect(agent.id('agent-state')).toHaveAttribute('data-state', 'wrap_up');
    await expect(agent.id('wrap-up')).toBeVisible();
    await expect(agent.id('wrap-up-timer')).toBeVisible();
    const disposition = await agent.chooseDisposition();
    await agent.id('wrap-up-notes').fill(notes);
    await agent.id('wrap-up-save').click();
    await expect(agent.id('wrap-up-saved')).toBeVisible();

    const calls = callsInHistory(agent.host, ZHANG_WEI.id);
    const saved = calls.find((c) => c.payload['notes'] === notes);
    expect(saved, `a call with the notes in 张伟's history: ${JSON.stringify(calls.slice(0, 3))}`).toBeDefined();
    expect(saved!.payload).toMatchObject({ direction: 'inbound', from: ZHANG_WEI.mobile, agent: '1001', disposition });
    expect(saved!.payload['answeredAt']).not.toBeNull();
  });

  expect(agent.pageErrors).toEqual([]);
});
