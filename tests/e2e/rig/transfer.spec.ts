/**
 * REFER passes through the proxy: a blind transfer moves the customer to a third phone, with
 * audio on the new call (what an agent's "transfer" does to the customer's phone).
 */
import { test, expect, connectCall, inboundDuring } from './fixtures';

test('a blind transfer (REFER) moves the caller to the transfer target', async ({ phones }) => {
  const customer = await phones.open('2010');
  const agent = await phones.open('1002');
  const colleague = await phones.open('1003');

  await connectCall(customer, agent, '1002');
  await agent.transfer('1003');
  await agent.waitForCall('terminated');

  const ringing = await colleague.waitForCall('ringing');
  expect(ringing.incoming?.fromUser).toBe('2010');
  await colleague.answer();
  await Promise.all([customer.waitForCall('established'), colleague.waitForCall('established')]);
  await expect
    .poll(async () => Math.min(...(await inboundDuring(1000, customer, colleague))), {
      message: 'inbound RTP bytes per second on the transferred call, the lower of both sides',
      timeout: 8_000,
    })
    .toBeGreaterThan(1500);
});
