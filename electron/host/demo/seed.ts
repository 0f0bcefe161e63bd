import { bulkLoad, createStores, optimizeAfterBulkLoad, type Db, type Stores } from '../db';
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
  const stats: SeedStats = { customers: 0, phones: 0, events: 0, tasks: 0, ms: 0, cpuMs: 0 };
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
      write(batch);
      clock();
      options.onProgress?.({ ...stats });
    },
    finish() {
      stores.meta.set(DEMO_META.seed, String(options.seed));
      stores.meta.set(DEMO_META.customers, String(stats.customers));
      stores.meta.set(DEMO_META.anchor, new Date(options.anchorMs ?? DEFAULT_ANCHOR_MS).toISOString());
      optimizeAfterBulkLoad(db);
      clock();
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
    let batch: DemoRecord[] = [];
    for (const record of demoRecords(options)) {
      batch.push(record);
      if (batch.length >= batchSize) {
        writer.write(batch);
        batch = [];
      }
    }
    if (batch.length > 0) writer.write(batch);
  });
  return writer.finish();
}
