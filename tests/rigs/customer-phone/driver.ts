/**
 * Drive customer phone pages from Node (Playwright specs, scripts/call-agent.ts).
 * Each phone is its own browser context: its own microphone (fake), its own WebSocket.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  CallOptions,
  DtmfVia,
  PhoneGlobal,
  PhoneState,
  RegisterOptions,
  RtpStats,
} from './api';

/** Chromium flags for real audio over 127.0.0.1 (run inside tests/rigs/netns/run-in-netns.sh). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  // No mDNS names for host candidates (and no multicast socket on 224.0.0.251:5353).
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class PhoneDriver {
  private constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  /**
   * Open a phone page in `context`. Phones may share one context (a page each is much cheaper
   * than a context each); every page has its own sip.js user agent, WebSocket and microphone.
   */
  static async open(context: BrowserContext, phoneUrl: string, name = 'phone'): Promise<PhoneDriver> {
    const page = await context.newPage();
    const driver = new PhoneDriver(page, name);
    page.on('pageerror', (error) => driver.pageErrors.push(String(error)));
    await page.goto(phoneUrl);
    await page.waitForFunction(() => (globalThis as unknown as Partial<PhoneGlobal>).customerPhone !== undefined);
    return driver;
  }

  /** A context fit for phones (microphone allowed). */
  static newContext(browser: Browser): Promise<BrowserContext> {
    return browser.newContext({ permissions: ['microphone'] });
  }

  /** Uncaught errors in the page: a crash of the phone shows up here. */
  readonly pageErrors: string[] = [];

  register(options: RegisterOptions): Promise<PhoneState> {
    return this.page.evaluate((o) => (globalThis as unknown as PhoneGlobal).customerPhone.register(o), options);
  }
  unregister(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.unregister());
  }
  call(target: string, options: CallOptions = {}): Promise<void> {
    return this.page.evaluate(
      ([t, o]) => (globalThis as unknown as PhoneGlobal).customerPhone.call(t, o),
      [target, options] as const,
    );
  }
  answer(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.answer());
  }
  reject(code?: number): Promise<void> {
    return this.page.evaluate((c) => (globalThis as unknown as PhoneGlobal).customerPhone.reject(c), code);
  }
  hangup(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.hangup());
  }
  hold(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.hold());
  }
  unhold(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.unhold());
  }
  transfer(target: string): Promise<void> {
    return this.page.evaluate((t) => (globalThis as unknown as PhoneGlobal).customerPhone.transfer(t), target);
  }
  sendDtmf(digits: string, options: { via?: DtmfVia; durationMs?: number } = {}): Promise<void> {
    return this.page.evaluate(
      ([d, o]) => (globalThis as unknown as PhoneGlobal).customerPhone.sendDtmf(d, o),
      [digits, options] as const,
    );
  }
  stats(): Promise<RtpStats> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.stats());
  }
  state(): Promise<PhoneState> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.state);
  }
  events(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.events());
  }

  /** Wait until the phone's state satisfies `predicate` (evaluated in Node on polled state). */
  async waitFor(what: string, predicate: (state: PhoneState) => boolean, timeoutMs = 10_000): Promise<PhoneState> {
    const deadline = Date.now() + timeoutMs;
    let last: PhoneState | undefined;
    while (Date.now() < deadline) {
      last = await this.state();
      if (predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    const events = (await this.events().catch(() => [])).slice(-15).join('\n  ');
    throw new Error(`${this.name}: timed out after ${timeoutMs} ms waiting for ${what}; state ${JSON.stringify(last)}\n  ${events}`);
  }

  waitForCall(call: PhoneState['call'], timeoutMs?: number): Promise<PhoneState> {
    return this.waitFor(`call state ${call}`, (s) => s.call === call, timeoutMs);
  }

  /**
   * Sample RTP counters twice, `windowMs` apart: how many bytes arrived and left in between.
   * (An Established session proves nothing about audio; growing inbound-rtp bytes do.)
   */
  async rtpDelta(windowMs = 1000): Promise<{ inbound: number; outbound: number; candidatePair: string | undefined }> {
    const before = await this.stats();
    await new Promise((r) => setTimeout(r, windowMs));
    const after = await this.stats();
    return {
      inbound: after.inboundBytes - before.inboundBytes,
      outbound: after.outboundBytes - before.outboundBytes,
      candidatePair: after.candidatePair,
    };
  }

  async close(): Promise<void> {
    await this.page
      .evaluate(() => (globalThis as unknown as PhoneGlobal).customerPhone.shutdown())
      .catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
