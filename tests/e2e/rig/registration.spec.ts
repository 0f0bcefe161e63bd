/**
 * (b) Registration is challenged: a wrong password or an unknown user fails at once with a
 * clear reason (403 from the proxy, not an endless challenge loop), and the phone stays down.
 */
import { test, expect } from './fixtures';

test('a wrong password fails registration with a clear error', async ({ phones, kamailio }) => {
  const phone = await phones.open('2004', { register: false });
  const started = Date.now();
  const failure = phone.register({ wsUrl: kamailio.wsUrl, user: '2004', password: 'not-the-password' });
  await expect(failure).rejects.toThrow('registration of 2004 failed: REGISTER rejected: 403 Forbidden: wrong password');
  expect(Date.now() - started).toBeLessThan(3_000);

  const state = await phone.state();
  expect(state).toMatchObject({ registration: 'failed', registrations: 0 });
  expect(state.registrationError).toContain('wrong password');
  // It does not keep retrying a password that cannot work.
  await new Promise((r) => setTimeout(r, 1_000));
  expect((await phone.events()).filter((e) => e.includes('REGISTER rejected'))).toHaveLength(1);
});

test('an unknown user cannot register', async ({ phones, kamailio }) => {
  const phone = await phones.open('2999', { register: false });
  await expect(phone.register({ wsUrl: kamailio.wsUrl, user: '2999', password: 'whatever' })).rejects.toThrow(
    '403 Forbidden: unknown user',
  );
});

test('the right password registers, and a registered phone is reachable', async ({ phones }) => {
  const agent = await phones.open('1001'); // agents use the same scheme: password pass1001
  const customer = await phones.open('2005');
  expect((await agent.state()).registration).toBe('registered');
  await customer.call('1001');
  await agent.waitForCall('ringing');
  await customer.hangup(); // CANCEL
  await expect.poll(async () => (await agent.state()).call).toBe('terminated');
  expect((await customer.state()).lastCallEnd).toMatchObject({ by: 'local' });
});
