import { statSync } from 'node:fs';
import path from 'node:path';
import { inspectStoreFile, SCHEMA_VERSION } from '../../../electron/host/db';
import { DEMO_GENERATOR_VERSION } from '../../../electron/host/demo/generate';
import { DEMO_META, type SeedStats } from '../../../electron/host/demo/seed';
import { seedDemoFile } from '../../../electron/host/demo/seedFile';

export const CACHE_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '.tmp', 'bench');

export interface DemoDb {
  file: string;
  bytes: number;
  /** Set when this run had to build the file. */
  built: SeedStats | null;
}

/**
 * A demo database at this scale and seed, built once and cached under .tmp/bench/. The name
 * carries the schema and generator versions, so a migration or a generator change rebuilds it.
 */
export function demoDb(customers: number, seed: number, log: (m: string) => void): DemoDb {
  const file = path.join(CACHE_DIR, `demo-${customers}-seed${seed}-schema${SCHEMA_VERSION}-gen${DEMO_GENERATOR_VERSION}.db`);
  const existing = inspectStoreFile(file);
  if (existing.kind === 'store' && existing.meta[DEMO_META.customers] === String(customers)) {
    return { file, bytes: statSync(file).size, built: null };
  }
  log(`building ${path.relative(process.cwd(), file)} (${customers.toLocaleString('en-US')} customers, seed ${seed}); cached for later runs…`);
  const stats = seedDemoFile(file, {
    customers,
    seed,
    onProgress: (s) => {
      if (s.customers % 100_000 === 0) log(`  ${s.customers.toLocaleString('en-US')} customers, ${s.events.toLocaleString('en-US')} events, ${(s.ms / 1000).toFixed(0)} s`);
    },
  });
  log(`  built in ${(stats.ms / 1000).toFixed(1)} s (CPU ${(stats.cpuMs / 1000).toFixed(1)} s), ${(stats.bytes / 2 ** 20).toFixed(0)} MiB`);
  return { file, bytes: stats.bytes, built: stats };
}
