/**
 * The agent console on the SIP rig: one fresh seeded web host per spec file (tests/e2e/support/
 * web-host.ts, pre-configured with `--sip-*` as agent 1001 against this worker's Kamailio), and per
 * test a console page in the test's Chromium context (fake microphone, loopback media), next to
 * the customer phones of `phones`.
 */
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { test as rig, expect } from './fixtures';
import { startWebHost, type WebHost } from '../support/web-host';

export { expect };
export type { PhoneDriver } from './fixtures';

export const AGENT = '1001';
export const DOMAIN = 'huifang.test';
/** 张伟, the demo's well-known VIP (electron/host/demo/known.ts). */
export const ZHANG_WEI = { id: 'cust-zhangwei', name: '张伟', mobile: '+8613800138000' } as const;

/** Opus from the fake microphone: ~2.5–3.5 kB/s; held ≈150 B/s (tests/rigs/README.md). */
export const FLOWING = 1500;
export const STOPPED = 400;

export class AgentConsole {
  /** Uncaught errors of the console page: any crash shows up here. */
  readonly pageErrors: string[] = [];
  /** Console messages, attached to failing tests. */
  readonly messages: string[] = [];

  constructor(
    readonly page: Page,
    readonly host: WebHost,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    page.on('console', (message) => this.messages.push(`${message.type()}: ${message.text()}`));
  }

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  get lines(): Locator {
    return this.id('line');
  }

  /** The line whose state is `state` (ringing, dialing, active, held). */
  lineIn(state: string): Locator {
    return this.page.locator(`[data-testid="line"][data-state="${state}"]`);
  }

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.id('softphone-panel')).toBeVisible({ timeout: 20_000 });
  }

  async registered(timeout = 10_000): Promise<void> {
    await expect(this.id('sip-status')).toHaveAttribute('data-state', 'registered', { timeout });
  }

  /** Available for calls (the console goes Available by itself once registered; Break needs a click back). */
  async available(): Promise<void> {
    await expect(this.id('agent-state')).not.toHaveAttribute('data-state', 'offline');
    if ((await this.id('agent-state').getAttribute('data-state')) !== 'available') await this.id('agent-available').click();
    await expect(this.id('agent-state')).toHaveAttribute('data-state', 'available');
  }

  async dial(target: string): Promise<void> {
    await this.id('dial-input').fill(target);
    await this.id('dial-button').click();
  }

  async keys(digits: string): Promise<void> {
    for (const digit of digits) await this.id(`dialpad-key-${digit}`).click();
  }

  /** `data-bytes-received` / `data-bytes-sent` of a line's quality readout (sampled every 2 s). */
  async bytes(line: Locator): Promise<{ received: number; sent: number }> {
    const quality = line.getByTestId('line-quality');
    return {
      received: Number((await quality.getAttribute('data-bytes-received')) ?? 0),
      sent: Number((await quality.getAttribute('data-bytes-sent')) ?? 0),
    };
  }

  /**
   * Waits until the line has received `atLeast` more bytes than now, and (unless `sending: false`,
   * e.g. while muted: a disabled track sends nothing) sent more: audio flows both ways.
   */
  async audioFlows(line: Locator, atLeast = 3_000, { sending = true, timeout = 10_000 } = {}): Promise<void> {
    const start = await this.bytes(line);
    await expect
      .poll(async () => (await this.bytes(line)).received - start.received, { message: 'console: RTP bytes received on the line', timeout })
      .toBeGreaterThan(atLeast);
    // Polled, not read once: the readout is one getStats() sample every 2 s, and right after a
    // resume Chromium's outbound-rtp counter can lag the sample whose inbound counter just moved
    // (seen once in CI: received +3 kB, sent unchanged, while the customer already heard the agent).
    if (sending) {
      await expect
        .poll(async () => (await this.bytes(line)).sent - start.sent, { message: 'console: RTP bytes sent on the line', timeout })
        .toBeGreaterThan(0);
    }
  }

  /** After calls: save every wrap-up still open (missed calls save themselves). */
  async finishWrapUp(notes = 'e2e'): Promise<void> {
    const open = this.page.locator('[data-testid="wrap-up"]:is([data-status="editing"], [data-status="error"])');
    for (let i = 0; i < 5; i++) {
      const count = await open.count();
      if (count === 0) return;
      const card = open.first();
      await this.chooseDisposition(card);
      await card.getByTestId('wrap-up-notes').fill(notes);
      await card.getByTestId('wrap-up-save').click();
      // A saved card leaves the panel (only the newest stays, marked saved).
      await expect(open).toHaveCount(count - 1);
    }
  }

  /** Picks the first real disposition (not the placeholder) in `card` and returns its value. */
  async chooseDisposition(card: Locator = this.id('wrap-up')): Promise<string> {
    const select = card.getByTestId('wrap-up-disposition');
    const values = (await select.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value))).filter(
      (v) => v !== '',
    );
    const value = values[0];
    if (!value) throw new Error('wrap-up-disposition has no options');
    await select.selectOption(value);
    return value;
  }

  /** performance.mark timestamps the renderer sets for a line (screen-pop timing). */
  marks(): Promise<{ name: string; startTime: number }[]> {
    return this.page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('huifang:'))
        .map((m) => ({ name: m.name, startTime: m.startTime })),
    );
  }
}

/** Call events of a customer in the host's store (read-only, beside the running host). */
export function callsInHistory(host: WebHost, customerId: string): { id: string; payload: Record<string, unknown> }[] {
  const db = new Database(host.dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT id, payload FROM history_events WHERE customer_id = ? AND kind = 'call' ORDER BY occurred_at DESC, id DESC LIMIT 20")
      .all(customerId) as { id: string; payload: string }[];
    return rows.map((row) => ({ id: row.id, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

interface ConsoleRegistry {
  /** The console of the spec file `file`: started on its first test, replaced when the file changes. */
  forFile(file: string): Promise<AgentConsole>;
}

/**
 * `agent`: the console of the current spec file. Host and page live as long as the file's tests
 * (a page per test would leave a stale registration behind each time: the proxy keeps a binding
 * until it expires, and calls would fork to dead WebSockets). Tests leave it idle: calls ended,
 * wrap-up saved.
 */
export const test = rig.extend<{ agent: AgentConsole }, { consoles: ConsoleRegistry }>({
  consoles: [
    async ({ kamailio, browser }, use) => {
      let file: string | null = null;
      let current: Promise<{ agent: AgentConsole; close(): Promise<void> }> | null = null;
      const closeCurrent = async () => (await current?.catch(() => null))?.close();
      const open = async () => {
        const host = await startWebHost({
          // The well-known records (张伟 …) are all these specs need: the smallest store seed-demo makes.
          customers: 1_000,
          sip: { wsUrl: kamailio.wsUrl, domain: DOMAIN, extension: AGENT, password: `pass${AGENT}`, displayName: '坐席 1001', wrapUpSec: 120 },
        });
        const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
        const agent = new AgentConsole(await context.newPage(), host);
        const close = async () => {
          await context.close().catch(() => undefined);
          await host.close();
        };
        try {
          await agent.open();
        } catch (error) {
          await close();
          throw error;
        }
        return { agent, close };
      };
      await use({
        async forFile(next) {
          if (next !== file || !current) {
            const previous = closeCurrent();
            file = next;
            current = previous.then(open);
          }
          return (await current).agent;
        },
      });
      await closeCurrent();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  agent: async ({ consoles }, use, testInfo) => {
    const agent = await consoles.forFile(testInfo.file);
    const errorsBefore = agent.pageErrors.length;
    await use(agent);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-host.log', { body: agent.host.output(), contentType: 'text/plain' });
      await testInfo.attach('console-page.log', {
        body: [...agent.messages.slice(-300), ...agent.pageErrors.slice(errorsBefore).map((e) => `PAGE ERROR ${e}`)].join('\n'),
        contentType: 'text/plain',
      });
      await testInfo.attach('console.png', { body: await agent.page.screenshot().catch(() => Buffer.alloc(0)), contentType: 'image/png' });
    }
  },
});
export { inboundDuring } from './fixtures';
