import { bulkLoad, createStores, optimizeAfterBulkLoad, refreshZones, type Db, type Stores } from '../db';
import { DEFAULT_ANCHOR_MS, demoRecords, type DemoOptions } from './generate';
import type { DemoRecord } from './record';

export interface SeedStats {
  customers: number;
  phones: number;
  events: number;
  tasks: number;
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process: on a shared machine, wall-clock time also measures the neighbours. */
  cpuMs: number;
  /** Where the wall-clock time went: making records, writing them, rebuilding indexes and statistics. */
  phases: { generateMs: number; writeMs: number; finishMs: number };
}

export interface SeedOptions extends DemoOptions {
  /** Customers per transaction: big enough to amortize commits, small enough to report progress. */
  batchSize?: number;
  onProgress?: (stats: SeedStats) => void;
}

/** Meta keys that mark a file as demo data (the seed script only overwrites such files). */
export const DEMO_META = { seed: 'demo_seed', customers: 'demo_customers', anchor: 'demo_anchor' } as const;
const DEFAULT_BATCH = 5_000;

/**
 * Writes batches through the same validated writers the app uses (zod on every record), one
 * transaction per batch, counting as it goes.
 */
function batchWriter(db: Db, stores: Stores, options: SeedOptions) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const stats: SeedStats = {
    customers: 0,
    phones: 0,
    events: 0,
    tasks: 0,
    ms: 0,
    cpuMs: 0,
    phases: { generateMs: 0, writeMs: 0, finishMs: 0 },
  };
  const clock = () => {
    const cpu = process.cpuUsage(cpuStarted);
    stats.ms = performance.now() - started;
    stats.cpuMs = (cpu.user + cpu.system) / 1000;
  };
  const write = db.transaction((batch: readonly DemoRecord[]) => {
    stats.customers += stores.customers.insertMany(batch);
    stats.events += stores.history.appendMany(batch.flatMap((r) => r.events));
    stats.tasks += stores.tasks.insertMany(batch.flatMap((r) => r.tasks));
    stats.phones += batch.reduce((n, r) => n + r.phones.length, 0);
  });
  return {
    stats,
    write(batch: readonly DemoRecord[]) {
      const writeStarted = performance.now();
      write(batch);
      stats.phases.writeMs += performance.now() - writeStarted;
      clock();
      options.onProgress?.({ ...stats });
    },
    /** Index rebuilds (bulkLoad) happen between the last write and this call: counted as finishing. */
    finish() {
      stores.meta.set(DEMO_META.seed, String(options.seed));
      stores.meta.set(DEMO_META.customers, String(stats.customers));
      stores.meta.set(DEMO_META.anchor, new Date(options.anchorMs ?? DEFAULT_ANCHOR_MS).toISOString());
      // The bulk load ran without the zone triggers: one UPDATE gives every task its calling zone.
      refreshZones(db);
      optimizeAfterBulkLoad(db);
      clock();
      stats.phases.finishMs = stats.ms - stats.phases.generateMs - stats.phases.writeMs;
      return stats;
    },
  };
}

/**
 * Seeds an empty, migrated store. Generation stays in this thread: a worker thread was tried and
 * was slower, because structured-cloning the records back cost more than generating them.
 */
export function seedDemo(db: Db, options: SeedOptions): SeedStats {
  const writer = batchWriter(db, createStores(db, { defaultRegion: 'CN' }), options);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  bulkLoad(db, () => {
    const records = demoRecords(options);
    for (;;) {
      const generateStarted = performance.now();
      const batch = takeBatch(records, batchSize);
      writer.stats.phases.generateMs += performance.now() - generateStarted;
      if (batch.length === 0) break;
      writer.write(batch);
    }
  });
  return writer.finish();
}

function takeBatch<T>(iterator: Iterator<T>, size: number): T[] {
  const batch: T[] = [];
  while (batch.length < size) {
    const next = iterator.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}
