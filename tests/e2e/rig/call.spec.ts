/**
 * (a) Two customer phones register through Kamailio over WebSocket and call each other: audio
 * flows both ways over 127.0.0.1 (inbound-rtp bytes grow on both sides), DTMF sent by one is
 * received by the other, hold stops the media and resume restarts it.
 */
import { customerNumber } from '../../rigs/kamailio/users';
import { test, expect, inboundDuring, type PhoneDriver } from './fixtures';

/** Opus from the fake microphone runs at ~2.5–3.5 kB/s; silence while held stays far below. */
const FLOWING = 1500;
const STOPPED = 400;

const slowerSide = async (...phones: PhoneDriver[]) => Math.min(...(await inboundDuring(1000, ...phones)));
const fasterSide = async (...phones: PhoneDriver[]) => Math.max(...(await inboundDuring(1000, ...phones)));

test('a call between two phones carries audio both ways, DTMF, and hold/resume', async ({ phones }) => {
  const alice = await phones.open('2001');
  const bob = await phones.open('2002');

  await alice.call('2002', { fromDisplayName: '王小明', headers: { 'X-Customer-Id': 'C-42' } });
  const ringing = await bob.waitForCall('ringing');
  expect(ringing.incoming).toMatchObject({
    fromUser: '2001',
    fromDisplayName: '王小明',
    headers: { 'x-customer-id': 'C-42' },
  });
  await bob.answer();
  await Promise.all([alice.waitForCall('established'), bob.waitForCall('established')]);

  // Audio both ways, really over loopback.
  await expect
    .poll(() => slowerSide(alice, bob), { message: 'inbound RTP bytes per second, the lower of both sides', timeout: 8_000 })
    .toBeGreaterThan(FLOWING);
  const { candidatePair } = await alice.stats();
  expect(candidatePair).toMatch(/^127\.0\.0\.1:\d+ -> 127\.0\.0\.1:\d+$/);

  // DTMF both ways (SIP INFO: the only DTMF a browser can receive).
  await alice.sendDtmf('123#');
  await bob.sendDtmf('9*', { via: 'both' }); // RFC 4733 in RTP as well: sent, not observable by a browser
  await expect.poll(async () => (await bob.state()).receivedDtmf).toBe('123#');
  await expect.poll(async () => (await alice.state()).receivedDtmf).toBe('9*');

  // Hold: media stops in both directions…
  await alice.hold();
  expect((await alice.state()).held).toBe(true);
  await expect
    .poll(() => fasterSide(alice, bob), { message: 'inbound RTP bytes per second while held, the higher of both sides', timeout: 5_000 })
    .toBeLessThan(STOPPED);

  // …and resume restarts it.
  await alice.unhold();
  expect((await alice.state()).held).toBe(false);
  await expect
    .poll(() => slowerSide(alice, bob), { message: 'inbound RTP bytes per second after resume, the lower of both sides', timeout: 8_000 })
    .toBeGreaterThan(FLOWING);

  // The callee hangs up: both sides end, the caller learns it was the remote side.
  await bob.hangup();
  await Promise.all([alice.waitForCall('terminated'), bob.waitForCall('terminated')]);
  expect((await alice.state()).lastCallEnd).toMatchObject({ by: 'remote' });
  expect(alice.pageErrors.concat(bob.pageErrors)).toEqual([]);
});

test('calls to an unregistered or unknown extension fail cleanly with 480 and 404', async ({ phones }) => {
  const alice = await phones.open('2003');

  await alice.call('2019'); // a rig user who is not registered
  const unregistered = await alice.waitForCall('terminated');
  expect(unregistered.lastCallEnd).toMatchObject({ code: 480, by: 'remote' });

  await alice.call('3999'); // nobody
  const unknown = await alice.waitForCall('terminated');
  expect(unknown.lastCallEnd).toMatchObject({ code: 404, by: 'remote' });
  expect((await alice.state()).registration).toBe('registered');
});

test('a customer phone is reachable at its public number (+86 170 0000 20NN), as consoles dial it after the compliance gate', async ({ phones }) => {
  const agent = await phones.open('1005');
  const customer = await phones.open('2007');
  await agent.call(customerNumber('2007'));
  await customer.waitForCall('ringing');
  await customer.answer();
  await Promise.all([agent.waitForCall('established'), customer.waitForCall('established')]);
  await agent.hangup();
  await customer.waitForCall('terminated');

  // Outside 2001–2020 the number belongs to nobody.
  await agent.call('+8617000003999');
  expect((await agent.waitForCall('terminated')).lastCallEnd).toMatchObject({ code: 404, by: 'remote' });
});
