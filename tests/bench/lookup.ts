/**
 * Screen-pop latency: a raw caller number in a human format → customer + first history page,
 * through the real host handler (`lookupCaller` via dispatch, as the transports call it), against
 * a baseline of the same rows read with two indexed better-sqlite3 SELECTs and no validation.
 */
import Database from 'better-sqlite3';
import { dispatch } from '../../shared/api';
import { formatPhone } from '../../shared/phone/normalize';
import { createHost } from '../../electron/host/composition';
import { demoCustomer, sharesLine } from '../../electron/host/demo/customers';
import { DEFAULT_ANCHOR_MS } from '../../electron/host/demo/generate';
import { KNOWN_CUSTOMER_COUNT } from '../../electron/host/demo/known';
import { Random } from '../../electron/host/demo/prng';
import { option, type Benchmark } from './lib/benchmark';
import { demoDb } from './lib/demoDb';
import { machineInfo } from './lib/machine';
import { writeResult } from './lib/results';
import { summarize, timed, type Summary } from './lib/stats';

const SEED = 42;
const DEFAULT_SCALES = [10_000, 1_000_000];
const WARMUP = 300;
const LOOKUPS = 2_000;
const PAGE = 50;
const REGION = 'CN';

interface ScaleResult {
  customers: number;
  seed: number;
  dbBytes: number;
  built: { ms: number; cpuMs: number; events: number } | null;
  lookups: number;
  service: Summary;
  baseline: Summary;
  /** service p99 / baseline p99 (the number in the result line). */
  ratio: number;
  ratioP50: number;
}

/**
 * Numbers of random generated customers, as an agent or a PBX would write them
 * ("138 0013 8000", "+1 415-555-0123"). Regenerated from the seed rather than read from the
 * database; lines shared by two customers are skipped, since they pop a chooser, not a page.
 */
function sampleNumbers(customers: number, count: number): { raw: string; e164: string }[] {
  const rng = new Random(SEED ^ 0x5eed);
  const generated = customers - KNOWN_CUSTOMER_COUNT;
  const picked: { raw: string; e164: string }[] = [];
  while (picked.length < count) {
    const index = rng.int(0, generated - 1);
    if (sharesLine(index + 1)) continue;
    const { primary } = demoCustomer(SEED, index, DEFAULT_ANCHOR_MS);
    picked.push({ raw: formatPhone(primary, REGION), e164: primary });
  }
  return picked;
}

/** The same rows the screen-pop shows, the fastest way better-sqlite3 can read them. */
function baselineReader(file: string) {
  const db = new Database(file, { readonly: true });
  const customer = db.prepare(
    'SELECT c.* FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ?',
  );
  const page = db.prepare(
    'SELECT * FROM history_events WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?',
  );
  return {
    read(e164: string) {
      const row = customer.get(e164) as { id: string } | undefined;
      if (!row) throw new Error(`baseline: no customer at ${e164}`);
      return { row, events: page.all(row.id, PAGE) };
    },
    close: () => db.close(),
  };
}

async function measureScale(customers: number, log: (m: string) => void): Promise<ScaleResult> {
  const store = demoDb(customers, SEED, log);
  const host = createHost({ dbFile: store.file, defaultRegion: REGION, mode: 'web', version: 'bench' });
  const baseline = baselineReader(store.file);
  try {
    const numbers = sampleNumbers(customers, WARMUP + LOOKUPS);
    const service: number[] = [];
    const raw: number[] = [];
    for (const [n, { raw: human, e164 }] of numbers.entries()) {
      // Alternate which goes first, so neither always finds the pages the other just cached.
      const runService = () =>
        timed(async () => {
          const reply = await dispatch(host.handlers, 'lookupCaller', { raw: human });
          if (!reply.ok || (reply.value as { status: string }).status !== 'matched') {
            throw new Error(`lookup of "${human}" did not match: ${JSON.stringify(reply).slice(0, 200)}`);
          }
        });
      const runBaseline = () => timed(() => baseline.read(e164));
      let s: number;
      let b: number;
      if (n % 2 === 0) {
        s = await runService();
        b = await runBaseline();
      } else {
        b = await runBaseline();
        s = await runService();
      }
      if (n >= WARMUP) {
        service.push(s);
        raw.push(b);
      }
    }
    const s = summarize(service);
    const b = summarize(raw);
    return {
      customers,
      seed: SEED,
      dbBytes: store.bytes,
      built: store.built ? { ms: Math.round(store.built.ms), cpuMs: Math.round(store.built.cpuMs), events: store.built.events } : null,
      lookups: LOOKUPS,
      service: s,
      baseline: b,
      ratio: s.p99 / b.p99,
      ratioP50: s.p50 / b.p50,
    };
  } finally {
    baseline.close();
    host.close();
  }
}

const line = (r: ScaleResult) =>
  `lookup: p50_ms=${r.service.p50.toFixed(3)} p99_ms=${r.service.p99.toFixed(3)} baseline_p99_ms=${r.baseline.p99.toFixed(3)} ratio=${r.ratio.toFixed(2)} customers=${r.customers}`;

export const lookup: Benchmark = {
  description: `screen-pop: human-format number → customer + first ${PAGE} events via lookupCaller, vs raw indexed SELECTs`,
  async run({ args, log }) {
    const scales = option(args, 'scales')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? DEFAULT_SCALES;
    if (scales.some((s) => !Number.isInteger(s) || s < 1_000 || s > 1_000_000)) {
      throw new Error(`--scales: expected customer counts from 1000 to 1000000, got "${option(args, 'scales')}"`);
    }
    const results: ScaleResult[] = [];
    for (const customers of scales) {
      const result = await measureScale(customers, log);
      results.push(result);
      process.stdout.write(`${line(result)}\n`);
    }
    const file = writeResult('lookup', { benchmark: 'lookup', date: new Date().toISOString(), machine: machineInfo(), warmup: WARMUP, page: PAGE, results });
    log(`results: ${file}`);
  },
};
