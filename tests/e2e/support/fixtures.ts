import { test as base, expect } from '@playwright/test';
import { startWebHost, type WebHost } from './web-host';

interface HostRegistry {
  /** The host of the spec file `file`: started on its first test, replaced when the file changes. */
  forFile(file: string): Promise<WebHost>;
}

/**
 * `webHost`: one fresh host per spec file (new data dir, seeded demo data), shared by that file's
 * tests. Playwright has no file-scoped fixtures, so a worker-scoped registry starts a new host
 * whenever the worker moves on to another file, and closes the last one with the worker.
 */
export const test = base.extend<{ webHost: WebHost }, { hosts: HostRegistry }>({
  hosts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      let file: string | null = null;
      let host: Promise<WebHost> | null = null;
      const closeCurrent = async () => (await host?.catch(() => null))?.close();
      await use({
        forFile(next) {
          if (next !== file || !host) {
            const previous = closeCurrent();
            file = next;
            host = previous.then(() => startWebHost());
          }
          return host;
        },
      });
      await closeCurrent();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  webHost: async ({ hosts }, use, testInfo) => {
    const host = await hosts.forFile(testInfo.file);
    await use(host);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-host.log', { body: host.output(), contentType: 'text/plain' });
    }
  },
});

export { expect };
