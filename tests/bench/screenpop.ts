/**
 * Screen-pop end to end: from the INVITE reaching the console's sip.js to the popped customer's
 * history rows in the DOM — the renderer's own marks `huifang:invite:<lineId>` and
 * `huifang:screenpop-rendered:<lineId>` — for calls placed by a customer phone through the Kamailio
 * rig with random known caller numbers, at 10k and 1M demo customers (cached DBs, tests/bench/lib/
 * demoDb.ts; the host gets a copy, since calls write history).
 *
 * Baseline, same run, same page: the bare `lookupCaller` round trip through the bridge WebSocket
 * (validation, lookup, first history page, JSON both ways) for other random numbers — what the
 * screen-pop costs beyond that is sip.js, React and the paint.
 *
 * Signalling only (the phone gathers no ICE candidates, the console never answers): runs in the root
 * network namespace on 127.0.0.1. Goal: p95 < 100 ms at 1M customers.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatPhone } from '../../shared/phone/normalize';
import { BRIDGE_PATH } from '../../shared/api/bridge';
import { demoCustomer, sharesLine } from '../../electron/host/demo/customers';
import { DEFAULT_ANCHOR_MS } from '../../electron/host/demo/generate';
import { KNOWN_CUSTOMER_COUNT } from '../../electron/host/demo/known';
import { Random } from '../../electron/host/demo/prng';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PhoneDriver } from '../rigs/customer-phone/driver';
import { startPhoneServer } from '../rigs/customer-phone/serve';
import { portAccepts, startKamailio, REPO_ROOT, type KamailioRig } from '../rigs/kamailio/rig';
import { startWebHost } from '../e2e/support/web-host';
import { option, type Benchmark } from './lib/benchmark';
import { demoDb } from './lib/demoDb';
import { machineInfo } from './lib/machine';
import { writeResult } from './lib/results';
import { summarize, type Summary } from './lib/stats';
import path from 'node:path';
import { WebSocket } from 'ws';

const SEED = 42;
const DEFAULT_SCALES = [10_000, 1_000_000];
const DEFAULT_CALLS = 60;
const WARMUP = 5;
const GOAL_P95_MS = 100;
const REGION = 'CN';
const AGENT = '1001';

interface ScaleResult {
  customers: number;
  calls: number;
  /** INVITE in sip.js → history rows of the popped customer painted. */
  screenpop: Summary;
  /** lookupCaller round trip over the bridge from the same page. */
  baseline: Summary;
  /** screenpop p95 / baseline p95. */
  ratioP95: number;
  goalP95Ms: number;
  meetsGoal: boolean;
  hostStartMs: number;
}

/** Random generated customers' numbers (not shared lines: those pop a chooser, not history). */
function sampleNumbers(customers: number, count: number, salt: number): string[] {
  const rng = new Random(SEED ^ salt);
  const generated = customers - KNOWN_CUSTOMER_COUNT;
  const picked: string[] = [];
  while (picked.length < count) {
    const index = rng.int(0, generated - 1);
    if (sharesLine(index + 1)) continue;
    picked.push(demoCustomer(SEED, index, DEFAULT_ANCHOR_MS).primary);
  }
  return picked;
}

async function freePorts(): Promise<{ sipPort: number; wsPort: number }> {
  for (let base = 25_060; base < 25_460; base += 20) {
    if (!(await portAccepts(base)) && !(await portAccepts(base + 8))) return { sipPort: base, wsPort: base + 8 };
  }
  throw new Error('screenpop: no free port pair for Kamailio between 25060 and 25460');
}

/** A bridge client like the renderer's (same origin, the launch token), timing one lookupCaller round trip. */
async function bridgeClient(url: string): Promise<{ lookup(raw: string): Promise<number>; close(): void }> {
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${parsed.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`, { origin: parsed.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (reply: { ok: boolean; value?: { status?: string } }) => void>();
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString('utf8')) as { id: number; ok: boolean; value?: { status?: string } };
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  let next = 1;
  return {
    async lookup(raw) {
      const id = next++;
      const started = process.hrtime.bigint();
      const reply = await new Promise<{ ok: boolean; value?: { status?: string } }>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method: 'lookupCaller', payload: { raw } }));
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!reply.ok || reply.value?.status !== 'matched') throw new Error(`baseline lookup of ${raw}: ${JSON.stringify(reply).slice(0, 200)}`);
      return ms;
    },
    close: () => socket.close(),
  };
}

/** Waits for the next line's screen-pop mark and returns rendered − invite for it. */
async function popDuration(page: Page, before: number): Promise<{ lineId: string; ms: number }> {
  const handle = await page.waitForFunction(
    (count) => {
      const rendered = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('huifang:screenpop-rendered:'));
      if (rendered.length <= count) return null;
      // The first mark of the new line (a later re-render may mark it again).
      const last = rendered[count]!;
      const lineId = last.name.slice('huifang:screenpop-rendered:'.length);
      const invite = performance.getEntriesByName(`huifang:invite:${lineId}`, 'mark')[0];
      return invite ? { lineId, ms: last.startTime - invite.startTime } : null;
    },
    before,
    { timeout: 15_000, polling: 5 },
  );
  return (await handle.jsonValue()) as { lineId: string; ms: number };
}

const renderedCount = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('huifang:screenpop-rendered:')).length);

async function measureScale(browser: Browser, kamailio: KamailioRig, phoneUrl: string, customers: number, calls: number, log: (m: string) => void): Promise<ScaleResult> {
  const store = demoDb(customers, SEED, log);
  const started = Date.now();
  const host = await startWebHost({
    copyDb: store.file,
    customers,
    sip: { wsUrl: kamailio.wsUrl, domain: 'huifang.test', extension: AGENT, password: `pass${AGENT}`, wrapUpSec: 0 },
  });
  const hostStartMs = Date.now() - started;
  const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  const contexts = [context];
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(host.url);
    await page.locator('[data-testid="sip-status"][data-state="registered"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="agent-state"][data-state="available"]').waitFor({ timeout: 10_000 });
    // The caller in a context of its own, and the console in front: Chromium throttles
    // requestAnimationFrame in a background tab (to ~1 per second), which would time the tab, not the pop.
    const phoneContext = await browser.newContext();
    contexts.push(phoneContext);
    const phone = await PhoneDriver.open(phoneContext, phoneUrl, 'bench-caller');
    await phone.register({ wsUrl: kamailio.wsUrl, user: '2001', noMedia: true });
    await page.bringToFront();
    const visibility = await page.evaluate(() => (globalThis as unknown as { document: { visibilityState: string } }).document.visibilityState);
    if (visibility !== 'visible') throw new Error(`the console page is ${visibility}: its timings would be throttled`);

    const bridge = await bridgeClient(host.url);
    const numbers = sampleNumbers(customers, WARMUP + calls, 0x5c2e);
    const baselineNumbers = sampleNumbers(customers, WARMUP + calls, 0xba5e);
    const pops: number[] = [];
    const baseline: number[] = [];
    for (const [n, number] of numbers.entries()) {
      const b = await bridge.lookup(formatPhone(baselineNumbers[n]!, REGION));
      const before = await renderedCount(page);
      await phone.call(AGENT, { fromUser: number });
      const pop = await popDuration(page, before);
      await phone.hangup();
      await phone.waitForCall('terminated');
      await page.locator('[data-testid="line"]').first().waitFor({ state: 'detached', timeout: 10_000 });
      await page.locator('[data-testid="agent-state"][data-state="available"]').waitFor({ timeout: 10_000 });
      if (n >= WARMUP) {
        pops.push(pop.ms);
        baseline.push(b);
      }
      if ((n + 1) % 20 === 0) log(`  ${customers.toLocaleString('en-US')}: ${n + 1}/${numbers.length} calls`);
    }
    if (errors.length > 0) throw new Error(`console page errors: ${errors.join('; ')}`);
    await phone.close();
    bridge.close();
    const s = summarize(pops);
    const b = summarize(baseline);
    return { customers, calls, screenpop: s, baseline: b, ratioP95: s.p95 / b.p95, goalP95Ms: GOAL_P95_MS, meetsGoal: s.p95 < GOAL_P95_MS, hostStartMs };
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await host.close();
  }
}

const line = (r: ScaleResult) => `screenpop: p50=${r.screenpop.p50.toFixed(1)} p95=${r.screenpop.p95.toFixed(1)} customers=${r.customers}`;

export const screenpop: Benchmark = {
  description: 'screen-pop in the real console: INVITE in sip.js → popped history in the DOM, via Kamailio, vs the bare lookupCaller bridge round trip',
  async run({ args, log }) {
    const scales = option(args, 'scales')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? DEFAULT_SCALES;
    if (scales.some((s) => !Number.isInteger(s) || s < 1_000 || s > 1_000_000)) {
      throw new Error(`--scales: expected customer counts from 1000 to 1000000, got "${option(args, 'scales')}"`);
    }
    const calls = Number(option(args, 'calls') ?? DEFAULT_CALLS);
    if (!Number.isInteger(calls) || calls < 50 || calls > 1000) throw new Error(`--calls: expected 50 to 1000, got "${option(args, 'calls')}"`);

    const ports = await freePorts();
    const kamailio = await startKamailio({ ...ports, runDir: path.join(REPO_ROOT, '.tmp', 'bench', `kamailio-${ports.sipPort}`), logLevel: 1 });
    const phoneServer = await startPhoneServer({ port: 0 });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const results: ScaleResult[] = [];
    try {
      for (const customers of [...scales].sort((a, b) => a - b)) {
        const result = await measureScale(browser, kamailio, phoneServer.url, customers, calls, log);
        results.push(result);
        log(
          `  ${customers.toLocaleString('en-US')} customers: screen-pop p50 ${result.screenpop.p50.toFixed(1)} ms, p95 ${result.screenpop.p95.toFixed(1)} ms; ` +
            `baseline lookupCaller round trip p50 ${result.baseline.p50.toFixed(1)} ms, p95 ${result.baseline.p95.toFixed(1)} ms (ratio p95 ${result.ratioP95.toFixed(1)}); ` +
            `goal p95 < ${GOAL_P95_MS} ms: ${result.meetsGoal ? 'met' : 'NOT met'} (host start ${(result.hostStartMs / 1000).toFixed(1)} s)`,
        );
        process.stdout.write(`${line(result)}\n`);
      }
    } finally {
      await browser.close().catch(() => undefined);
      await phoneServer.close();
      await kamailio.stop();
    }
    const file = writeResult('screenpop', { benchmark: 'screenpop', date: new Date().toISOString(), machine: machineInfo(), warmup: WARMUP, goalP95Ms: GOAL_P95_MS, results });
    log(`results: ${file}`);
  },
};
