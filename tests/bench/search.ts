/**
 * Name search at scale: the searchCustomers handler (NOCASE name index for prefixes, trigram FTS
 * for 3+ characters, the words index of migration 007 for 1–2) against the naive baseline,
 * `name LIKE '%q%'` over the table.
 * Queries cover the cases agents type: a full 2-character Chinese name, a single character,
 * a 3-character fragment, English partials in any case, and misses (the worst case of a scan).
 */
import Database from 'better-sqlite3';
import { dispatch } from '../../shared/api';
import { createHost } from '../../electron/host/composition';
import { option, type Benchmark } from './lib/benchmark';
import { demoDb } from './lib/demoDb';
import { machineInfo } from './lib/machine';
import { writeResult } from './lib/results';
import { summarize, timed, type Summary } from './lib/stats';

const SEED = 42;
const DEFAULT_SCALES = [10_000, 1_000_000];
const LIMIT = 20;
const REPEAT = 40;
const WARMUP = 5;

const QUERIES = [
  { query: '王芳', what: 'full 2-char Chinese name (prefix)' },
  { query: '芳', what: '1 common char anywhere in the name (words index)' },
  { query: '欧阳', what: 'compound surname (prefix)' },
  { query: '王秀英', what: '3-char name (trigram)' },
  { query: 'smith', what: 'English surname, lower case (trigram)' },
  { query: 'EMILY J', what: 'English partial, upper case (trigram)' },
  { query: 'Jo', what: '2-char English prefix' },
  { query: '龘', what: '1 char nobody has (words-index miss)' },
  { query: 'qzx', what: '3 chars nobody has (trigram miss)' },
] as const;

interface QueryResult {
  query: string;
  what: string;
  hits: number;
  service: Summary;
  baseline: Summary;
}

async function measureScale(customers: number, log: (m: string) => void) {
  const store = demoDb(customers, SEED, log);
  const host = createHost({ dbFile: store.file, defaultRegion: 'CN', mode: 'web', version: 'bench' });
  const raw = new Database(store.file, { readonly: true });
  const naive = raw.prepare('SELECT id FROM customers WHERE name LIKE ? LIMIT ?');
  const perQuery: QueryResult[] = [];
  const allService: number[] = [];
  const allBaseline: number[] = [];
  try {
    for (const { query, what } of QUERIES) {
      const service: number[] = [];
      const baseline: number[] = [];
      let hits = 0;
      for (let n = 0; n < WARMUP + REPEAT; n++) {
        const s = await timed(async () => {
          const reply = await dispatch(host.handlers, 'searchCustomers', { query, limit: LIMIT });
          if (!reply.ok) throw new Error(reply.error.message);
          hits = (reply.value as { results: unknown[] }).results.length;
        });
        const b = await timed(() => naive.all(`%${query}%`, LIMIT));
        if (n >= WARMUP) {
          service.push(s);
          baseline.push(b);
        }
      }
      perQuery.push({ query, what, hits, service: summarize(service), baseline: summarize(baseline) });
      allService.push(...service);
      allBaseline.push(...baseline);
    }
  } finally {
    raw.close();
    host.close();
  }
  const service = summarize(allService);
  const baseline = summarize(allBaseline);
  return { customers, seed: SEED, service, baseline, ratio: service.p99 / baseline.p99, queries: perQuery };
}

export const search: Benchmark = {
  description: `name search (${QUERIES.length} query shapes) via searchCustomers vs a LIKE '%q%' table scan`,
  async run({ args, log }) {
    const scales = option(args, 'scales')?.split(',').map(Number) ?? DEFAULT_SCALES;
    const results = [];
    for (const customers of scales) {
      const r = await measureScale(customers, log);
      results.push(r);
      for (const q of r.queries) {
        log(`  ${q.query.padEnd(8)} ${String(q.hits).padStart(2)} hits  p50 ${q.service.p50.toFixed(2)} ms  p99 ${q.service.p99.toFixed(2)} ms  (LIKE scan p50 ${q.baseline.p50.toFixed(2)} ms)  ${q.what}`);
      }
      process.stdout.write(
        `search: p50_ms=${r.service.p50.toFixed(3)} p99_ms=${r.service.p99.toFixed(3)} baseline_p99_ms=${r.baseline.p99.toFixed(3)} ratio=${r.ratio.toFixed(2)} customers=${customers}\n`,
      );
    }
    log(`results: ${writeResult('search', { benchmark: 'search', date: new Date().toISOString(), machine: machineInfo(), results })}`);
  },
};
