/**
 * (c) Kamailio restarted mid-test (every registration is lost: usrloc is in memory only) → the
 * phone notices the dropped WebSocket, reconnects and REGISTERs again by itself within 10 s,
 * and is reachable again.
 */
import { test, expect, connectCall, inboundDuring } from './fixtures';

test('after a proxy restart the phone re-registers within 10 s and takes calls again', async ({ phones, kamailio }) => {
  const phone = await phones.open('2006');
  expect((await phone.state()).registrations).toBe(1);

  const restartedAt = Date.now();
  await kamailio.restart();
  const back = await phone.waitFor('re-registration', (s) => s.registration === 'registered' && s.registrations >= 2, 10_000);
  const seconds = (Date.now() - restartedAt) / 1000;
  test.info().annotations.push({ type: 're-registered after', description: `${seconds.toFixed(2)} s` });
  console.log(`re-registered ${seconds.toFixed(2)} s after the restart began`);
  expect(back.reconnects).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThan(10);

  // The new binding is real: a call reaches the phone through the restarted proxy.
  const caller = await phones.open('2007');
  await caller.call('2006');
  await phone.waitForCall('ringing');
  await phone.reject(486);
  await expect.poll(async () => (await caller.state()).lastCallEnd?.code).toBe(486);
});

/**
 * A call in progress survives a proxy restart (media is peer to peer), but requests inside the
 * dialog are still routed to the dead WebSocket connection: the remote hang-up never arrives.
 * The phone must notice the media connection failing and end the call by itself.
 */
test('a call across a proxy restart keeps its audio, and a lost hang-up is detected by media failure', async ({
  phones,
  kamailio,
}) => {
  const caller = await phones.open('2012');
  const callee = await phones.open('2013');
  await connectCall(caller, callee, '2013');

  await kamailio.restart();
  await Promise.all([
    caller.waitFor('re-registration', (s) => s.registrations >= 2),
    callee.waitFor('re-registration', (s) => s.registrations >= 2),
  ]);
  await expect
    .poll(async () => Math.min(...(await inboundDuring(1000, caller, callee))), {
      message: 'inbound RTP bytes per second after the restart, the lower of both sides',
    })
    .toBeGreaterThan(1500);

  await caller.hangup(); // the BYE dies at the proxy (old connection)
  const ended = await callee.waitFor('the callee to end the lost call', (s) => s.call === 'terminated', 30_000);
  expect(ended.lastCallEnd).toMatchObject({ by: 'error', reason: 'media connection failed' });
});
