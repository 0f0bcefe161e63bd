/**
 * The follow-up queue at 10k and 1M tasks:
 *
 * 1. Next-task pick: `nextTask` through the real host handler (dispatch, as the transports call
 *    it): the per-zone index reads in queue order, the compliance gate (do-not-call, window,
 *    attempts), the preview (customer, reason event, filled script, survey) and the local hold. The
 *    agent works the queue: each picked task is then marked done (not timed), so every pick goes
 *    one task deeper. Picks rotate through four instants of the day, so different zones are open
 *    (Shanghai morning, London and New York afternoon, Los Angeles, Shanghai evening).
 *    Baseline, same run, alternating: the raw indexed read of the queue head with better-sqlite3
 *    (`SELECT … WHERE status = 'queued' ORDER BY priority, due_at, id LIMIT 1`, no compliance, no
 *    preview, no write).
 * 2. First queue render: the web console (web.ts on a copy of the store) in Debian's Chromium,
 *    from navigation start to the first `[data-testid=queue-row]` painted, seen by a
 *    MutationObserver installed before the page's scripts (so no polling delay is counted).
 *
 * Task sets: the demo stores (tests/bench/lib/demoDb.ts) hold a task for one customer in ten; the
 * 10k set tops up the 10k-customer store, the 1M set the 1M-customer store (100k tasks) with
 * generated tasks for random customers, bulk-loaded into a copy cached next to it in .tmp/bench.
 */
import { copyFileSync, constants as fsConstants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { dispatch } from '../../shared/api';
import type { FollowUpTask } from '../../shared/domain';
import { BUILTIN_RULES } from '../../shared/followup/rules/builtin';
import { createHost } from '../../electron/host/composition';
import { bulkLoad, createStores, openDatabase, optimizeAfterBulkLoad, refreshZones } from '../../electron/host/db';
import { TASK_REASONS, TASK_TYPES } from '../../electron/host/demo/catalog';
import { customerId } from '../../electron/host/demo/customers';
import { DEFAULT_ANCHOR_MS } from '../../electron/host/demo/generate';
import { KNOWN_CUSTOMER_COUNT } from '../../electron/host/demo/known';
import { Random } from '../../electron/host/demo/prng';
import { startWebHost } from '../e2e/support/web-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../rigs/customer-phone/driver';
import { option, type Benchmark } from './lib/benchmark';
import { CACHE_DIR, demoDb } from './lib/demoDb';
import { machineInfo } from './lib/machine';
import { writeResult } from './lib/results';
import { summarize, timed, type Summary } from './lib/stats';

const SEED = 42;
/** tasks → the demo store it grows from (customers). */
const SETS: Readonly<Record<number, number>> = { 10_000: 10_000, 1_000_000: 1_000_000 };
const DEFAULT_SCALES = [10_000, 1_000_000];
const WARMUP = 100;
const PICKS = 1_000;
const RENDERS = 5;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Four instants (Wednesday 2026-11-25): Shanghai 10:00, London 14:30 / New York 09:30, Los Angeles 10:00, Shanghai 19:00. */
const NOWS = [Date.UTC(2026, 10, 25, 2, 0), Date.UTC(2026, 10, 25, 14, 30), Date.UTC(2026, 10, 25, 18, 0), Date.UTC(2026, 10, 25, 11, 0)];
/** Bump when the generated top-up changes. */
const TASKSET_VERSION = 1;

/** What a built-in rule writes on a task of each type (as the demo generator does). */
const RULES = Object.fromEntries(
  TASK_TYPES.map((type) => {
    const rule = BUILTIN_RULES.find((r) => r.type === type && r.enabled);
    return [type, { ruleId: rule?.id ?? type, team: rule?.team ?? 'survey', scriptId: rule?.scriptId ?? 'satisfaction-v1', surveyId: rule?.surveyId ?? null }];
  }),
);

/** Generated task `i` of the top-up: a pure function of (seed, i), for a random generated customer. */
function extraTask(rng: Random, i: number, customers: number): FollowUpTask {
  const type = rng.weighted(TASK_TYPES.map((t) => [t, t === 'satisfaction_survey' ? 6 : t === 'complaint_care' ? 2 : 1] as const));
  const status = rng.weighted([['queued', 85], ['leased', 2], ['done', 8], ['skipped', 2], ['expired', 3]] as const);
  const dueAt = DEFAULT_ANCHOR_MS + rng.int(-7 * 24, 14 * 24) * HOUR;
  return {
    id: `bench-task-${String(i).padStart(7, '0')}`,
    customerId: customerId(rng.int(0, customers - KNOWN_CUSTOMER_COUNT - 1)),
    type,
    status,
    priority: type === 'complaint_care' ? rng.int(1, 2) : rng.int(2, 5),
    dueAt: new Date(dueAt).toISOString(),
    slaAt: new Date(dueAt + rng.int(1, 5) * DAY).toISOString(),
    reasonEventId: null,
    reason: TASK_REASONS[type]['zh-CN'],
    attempts: rng.weighted([[0, 8], [1, 2], [2, 1]]),
    assignedTo: status === 'leased' || status === 'done' ? `agent-${rng.int(1, 40)}` : null,
    createdAt: new Date(dueAt - rng.int(1, 72) * HOUR).toISOString(),
    ...RULES[type],
  };
}

/** The demo store for this set, topped up to `tasks` tasks, cached. */
function taskSet(tasks: number, log: (m: string) => void): { file: string; bytes: number } {
  const customers = SETS[tasks];
  if (customers === undefined) throw new Error(`--scales: task sets are ${Object.keys(SETS).join(', ')}`);
  const base = demoDb(customers, SEED, log);
  const file = path.join(CACHE_DIR, `queue-${tasks}-tasks-v${TASKSET_VERSION}-${path.basename(base.file)}`);
  if (existsSync(file)) return { file, bytes: statSync(file).size };
  log(`building ${path.relative(process.cwd(), file)} (${tasks.toLocaleString('en-US')} tasks); cached for later runs…`);
  const started = performance.now();
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  copyFileSync(base.file, partial, fsConstants.COPYFILE_FICLONE);
  const db = openDatabase(partial);
  try {
    const have = db.prepare('SELECT count(*) FROM followup_tasks').pluck().get() as number;
    const stores = createStores(db, { defaultRegion: 'CN' });
    const rng = new Random(SEED ^ 0x7a5c);
    bulkLoad(db, () => {
      const batch = 50_000;
      for (let done = 0; done < tasks - have; done += batch) {
        const n = Math.min(batch, tasks - have - done);
        stores.tasks.insertMany(Array.from({ length: n }, (_, k) => extraTask(rng, done + k, customers)));
        if ((done / batch) % 4 === 3) log(`  ${(have + done + n).toLocaleString('en-US')} tasks`);
      }
    });
    refreshZones(db);
    optimizeAfterBulkLoad(db);
  } finally {
    db.close();
  }
  renameSync(partial, file);
  log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { file, bytes: statSync(file).size };
}

interface ScaleResult {
  tasks: number;
  queued: number;
  dbBytes: number;
  picks: number;
  /** nextTask through the host handler (pick + gate + preview + hold). */
  pick: Summary;
  /** the raw indexed head-of-queue read. */
  baseline: Summary;
  ratio: number;
  /** Picks that found nothing workable at their instant (answered `empty`, with the next time something is). */
  empty: number;
  /** The same picks split by answer: a task (preview + hold) or empty (the next-workable search). */
  pickTask: Summary | null;
  pickEmpty: Summary | null;
  /** Navigation start → first queue row painted; `renders` samples after a warm-up load. */
  render: Summary;
  renderCold: number;
  hostStartMs: number;
}

async function measurePicks(file: string, log: (m: string) => void): Promise<Pick<ScaleResult, 'pick' | 'baseline' | 'ratio' | 'empty' | 'pickTask' | 'pickEmpty' | 'picks' | 'queued' | 'hostStartMs'>> {
  const copy = path.join(CACHE_DIR, `queue-pick-${process.pid}.db`);
  rmSync(copy, { force: true });
  copyFileSync(file, copy, fsConstants.COPYFILE_FICLONE);
  const clock = { now: NOWS[0] ?? 0 };
  const started = performance.now();
  const host = createHost({ dbFile: copy, defaultRegion: 'CN', mode: 'web', version: 'bench', sync: { autoStart: false }, followUp: { now: () => clock.now } });
  const hostStartMs = performance.now() - started;
  const raw = new Database(copy, { readonly: true });
  const head = raw.prepare("SELECT * FROM followup_tasks WHERE status = 'queued' ORDER BY priority, due_at, id LIMIT 1");
  const finish = host.db.prepare("UPDATE followup_tasks SET status = 'done' WHERE id = ?");
  try {
    const queued = raw.prepare("SELECT count(*) FROM followup_tasks WHERE status = 'queued'").pluck().get() as number;
    const picks: number[] = [];
    const base: number[] = [];
    const byAnswer: { task: number[]; empty: number[] } = { task: [], empty: [] };
    let empty = 0;
    for (let n = 0; n < WARMUP + PICKS; n++) {
      clock.now = (NOWS[n % NOWS.length] ?? 0) + Math.floor(n / NOWS.length) * 1000;
      let picked: string | null = null;
      const runPick = () =>
        timed(async () => {
          const reply = await dispatch(host.handlers, 'nextTask', {});
          if (!reply.ok) throw new Error(`nextTask: ${reply.error.message}`);
          const value = reply.value as { status: string; preview?: { task: { id: string } } };
          picked = value.preview?.task.id ?? null;
        });
      const runBase = () => timed(() => head.get());
      let p: number;
      let b: number;
      if (n % 2 === 0) {
        p = await runPick();
        b = await runBase();
      } else {
        b = await runBase();
        p = await runPick();
      }
      if (picked === null) empty += 1;
      else finish.run(picked);
      if (n >= WARMUP) {
        picks.push(p);
        base.push(b);
        byAnswer[picked === null ? 'empty' : 'task'].push(p);
      }
      if ((n + 1) % 250 === 0) log(`  ${n + 1}/${WARMUP + PICKS} picks`);
    }
    const pick = summarize(picks);
    const baseline = summarize(base);
    const split = (samples: number[]) => (samples.length > 0 ? summarize(samples) : null);
    return { pick, baseline, ratio: pick.p99 / baseline.p99, empty, pickTask: split(byAnswer.task), pickEmpty: split(byAnswer.empty), picks: PICKS, queued, hostStartMs };
  } finally {
    raw.close();
    host.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}

async function measureRender(browser: Browser, file: string, tasks: number): Promise<Pick<ScaleResult, 'render' | 'renderCold'>> {
  const host = await startWebHost({ copyDb: file, customers: tasks });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  try {
    // Before any page script: note when the first queue row is in the DOM and laid out (a row may
    // be added while its panel is still hidden, so attribute changes are watched too).
    await context.addInitScript(() => {
      type Row = { getClientRects(): { length: number } };
      const w = globalThis as unknown as {
        __queueRowAt?: number;
        document: { querySelector(s: string): Row | null };
        MutationObserver: new (cb: () => void) => { observe(t: unknown, o: unknown): void; disconnect(): void };
      };
      const observer = new w.MutationObserver(() => {
        if (w.__queueRowAt !== undefined) return;
        const row = w.document.querySelector('[data-testid="queue-row"]');
        if (row && row.getClientRects().length > 0) {
          w.__queueRowAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(w.document, { childList: true, subtree: true, attributes: true });
    });
    const samples: number[] = [];
    for (let i = 0; i <= RENDERS; i++) {
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => (globalThis as unknown as { __queueRowAt?: number }).__queueRowAt !== undefined, undefined, { timeout: 60_000, polling: 20 });
      samples.push((await page.evaluate(() => (globalThis as unknown as { __queueRowAt: number }).__queueRowAt)));
      await page.close();
    }
    const [cold, ...warm] = samples;
    return { render: summarize(warm), renderCold: cold ?? Number.NaN };
  } finally {
    await context.close().catch(() => undefined);
    await host.close();
  }
}

const line = (r: ScaleResult) =>
  `queue: pick_p99_ms=${r.pick.p99.toFixed(3)} baseline_p99_ms=${r.baseline.p99.toFixed(3)} ratio=${r.ratio.toFixed(1)} render_ms=${r.render.p50.toFixed(0)} tasks=${r.tasks}`;

export const queue: Benchmark = {
  description: 'follow-up queue: nextTask (pick + compliance + preview + hold) p99 vs a raw indexed head read, and the first queue render in Chromium, at 10k and 1M tasks',
  async run({ args, log }) {
    const scales = option(args, 'scales')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? DEFAULT_SCALES;
    if (scales.some((s) => SETS[s] === undefined)) throw new Error(`--scales: expected task counts among ${Object.keys(SETS).join(', ')}, got "${option(args, 'scales')}"`);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const results: ScaleResult[] = [];
    try {
      for (const tasks of [...scales].sort((a, b) => a - b)) {
        const set = taskSet(tasks, log);
        const picks = await measurePicks(set.file, log);
        const render = await measureRender(browser, set.file, tasks);
        const result: ScaleResult = { tasks, dbBytes: set.bytes, ...picks, ...render };
        results.push(result);
        log(
          `  ${tasks.toLocaleString('en-US')} tasks (${result.queued.toLocaleString('en-US')} queued): nextTask p50 ${result.pick.p50.toFixed(2)} ms, p99 ${result.pick.p99.toFixed(2)} ms; ` +
            `raw head read p50 ${result.baseline.p50.toFixed(3)} ms, p99 ${result.baseline.p99.toFixed(3)} ms; ` +
            `${result.empty} empty (p99 ${result.pickEmpty?.p99.toFixed(2) ?? '–'} ms; with a task p99 ${result.pickTask?.p99.toFixed(2) ?? '–'} ms); ` +
            `first queue row ${result.render.p50.toFixed(0)} ms (cold ${result.renderCold.toFixed(0)} ms); host start ${(result.hostStartMs / 1000).toFixed(1)} s`,
        );
        process.stdout.write(`${line(result)}\n`);
      }
    } finally {
      await browser.close().catch(() => undefined);
    }
    const file = writeResult('queue', { benchmark: 'queue', date: new Date().toISOString(), machine: machineInfo(), warmup: WARMUP, instants: NOWS.map((t) => new Date(t).toISOString()), results });
    log(`results: ${file}`);
  },
};
