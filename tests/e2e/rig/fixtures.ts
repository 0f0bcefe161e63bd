/**
 * Fixtures of the rig suite: one Kamailio and one phone page server per worker (own ports, so
 * workers run side by side), and a `phones` factory that opens registered customer phones and
 * closes them after the test (attaching their event logs and the proxy log on failure).
 */
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { REPO_ROOT, startKamailio, type KamailioRig } from '../../rigs/kamailio/rig';
import { PhoneDriver } from '../../rigs/customer-phone/driver';

export type { PhoneDriver };
import { startPhoneServer, type PhoneServer } from '../../rigs/customer-phone/serve';
import type { RegisterOptions } from '../../rigs/customer-phone/api';

export interface Phones {
  /** Open a phone page and (unless `register: false`) register it as `user`. */
  open(user: string, options?: Partial<RegisterOptions> & { register?: boolean }): Promise<PhoneDriver>;
}

export const test = base.extend<{ phones: Phones }, { kamailio: KamailioRig; phoneServer: PhoneServer }>({
  kamailio: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const offset = workerInfo.parallelIndex * 10;
      const kamailio = await startKamailio({
        sipPort: 15060 + offset,
        wsPort: 18088 + offset,
        runDir: join(REPO_ROOT, '.tmp', 'rig', `kamailio-w${workerInfo.parallelIndex}`),
      });
      await use(kamailio);
      await kamailio.stop();
    },
    { scope: 'worker' },
  ],
  phoneServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startPhoneServer({ port: 0 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  phones: async ({ context, kamailio, phoneServer }, use, testInfo) => {
    const opened: PhoneDriver[] = [];
    await use({
      open: async (user, options = {}) => {
        const { register = true, ...registerOptions } = options;
        const phone = await PhoneDriver.open(context, phoneServer.url, user);
        opened.push(phone);
        if (register) await phone.register({ wsUrl: kamailio.wsUrl, user, ...registerOptions });
        return phone;
      },
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const phone of opened) {
        const events = await phone.events().catch((error: unknown) => [`(no events: ${String(error)})`]);
        await testInfo.attach(`phone-${phone.name}.log`, {
          body: [...events, ...phone.pageErrors.map((e) => `PAGE ERROR ${e}`)].join('\n'),
          contentType: 'text/plain',
        });
      }
      await testInfo.attach('kamailio.log', {
        body: kamailio.log().split('\n').slice(-300).join('\n'),
        contentType: 'text/plain',
      });
    }
    await Promise.all(opened.map((phone) => phone.close()));
  },
});

export { expect };

/** `caller` calls `callee` (who answers); resolves when both sides are established. */
export async function connectCall(caller: PhoneDriver, callee: PhoneDriver, target: string): Promise<void> {
  await caller.call(target);
  await callee.waitForCall('ringing');
  await callee.answer();
  await Promise.all([caller.waitForCall('established'), callee.waitForCall('established')]);
}

/** RTP bytes received by each phone during the same window. */
export async function inboundDuring(windowMs: number, ...phones: PhoneDriver[]): Promise<number[]> {
  const deltas = await Promise.all(phones.map((phone) => phone.rtpDelta(windowMs)));
  return deltas.map((d) => d.inbound);
}
