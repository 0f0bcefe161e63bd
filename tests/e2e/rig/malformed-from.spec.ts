/**
 * (d) sipp sends INVITEs with a garbage, a 500-character, a non-ASCII and a tel: From to a
 * registered phone: neither the proxy nor the phone crashes. The proxy refuses what it cannot
 * parse (400) and passes on the rest; the phone shows the caller as sent and stays usable.
 */
import { test, expect } from './fixtures';
import { runSipp } from '../../rigs/kamailio/sipp';

const LONG_NAME = `${'客户'.repeat(20)}${'A'.repeat(260)}`; // 300 characters
const LONG_NUMBER = '8'.repeat(200);
const LONG_FROM = `"${LONG_NAME}" <sip:${LONG_NUMBER}@huifang.test>`;

test('INVITEs with hostile From headers crash neither the proxy nor the phone', async ({ phones, kamailio }, testInfo) => {
  const phone = await phones.open('2008');
  const proxyPid = kamailio.pid();
  const sippPort = 15065 + testInfo.parallelIndex * 10;
  const invite = async (name: string, from: string) => {
    const run = runSipp({
      scenario: 'invite-from.xml',
      proxyPort: kamailio.sipPort,
      localPort: sippPort,
      service: '2008',
      keys: { from },
      runDir: kamailio.runDir,
      name,
    });
    let finished = false;
    void run.then(() => (finished = true));
    // If the INVITE reaches the phone it rings: note the caller and reject it (486).
    let shown: { fromUser: string; fromDisplayName: string } | undefined;
    while (!finished) {
      const state = await phone.state();
      if (state.call === 'ringing' && state.incoming) {
        shown = state.incoming;
        await phone.reject(486);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const result = await run;
    return { ...result, shown };
  };

  expect(LONG_FROM.length).toBeGreaterThanOrEqual(500);
  const long = await invite('long', LONG_FROM);
  expect(long.code, long.stderr).toBe(0);
  expect(long.responses.at(-1)).toBe(486);
  expect(long.shown).toEqual(expect.objectContaining({ fromUser: LONG_NUMBER, fromDisplayName: LONG_NAME }));

  const nonAscii = await invite('non-ascii', '"张三（VIP客户）😀 Ünïcödé" <sip:+8613800138000@huifang.test>');
  expect(nonAscii.code, nonAscii.stderr).toBe(0);
  expect(nonAscii.responses.at(-1)).toBe(486);
  expect(nonAscii.shown).toEqual(expect.objectContaining({ fromUser: '+8613800138000', fromDisplayName: '张三（VIP客户）😀 Ünïcödé' }));

  for (const [name, from] of [
    ['garbage-brackets', '<<<garbage@@@;;;>>>'],
    ['garbage-quote', '"unterminated <sip:1@huifang.test>'],
    ['garbage-control', '\u0001\u0002 ctrl <sip:a b@huifang.test>'],
  ] as const) {
    const garbage = await invite(name, from);
    expect(garbage.code, garbage.stderr).toBe(0);
    expect(garbage.responses, `${name}: the proxy refuses it`).toEqual([400]);
    expect(garbage.messages).toContain('400 Invalid From Header');
    expect(garbage.shown).toBeUndefined();
  }

  // A carrier-style tel: caller id: sip.js 0.21 would drop it, the proxy rewrites it to sip:.
  const tel = await invite('tel', '<tel:+86-138-0013-8000;phone-context=+86>');
  expect(tel.code, tel.stderr).toBe(0);
  expect(tel.responses.at(-1)).toBe(486);
  expect(tel.shown).toEqual(expect.objectContaining({ fromUser: '+86-138-0013-8000' }));

  // Nothing crashed: the same proxy process is up, the phone is registered, has no page errors
  // and still takes a real call.
  expect(kamailio.pid()).toBe(proxyPid);
  expect(kamailio.log()).not.toMatch(/CRITICAL|segfault|core dumped/i);
  expect(phone.pageErrors).toEqual([]);
  expect((await phone.state()).registration).toBe('registered');
  const caller = await phones.open('2009');
  await caller.call('2008');
  await phone.waitForCall('ringing');
  await phone.answer();
  await Promise.all([caller.waitForCall('established'), phone.waitForCall('established')]);
  expect((await phone.state()).incoming?.fromUser).toBe('2009');
});
