import { rebuildNameIndexes } from './nameWords';
import type { Db } from './open';

/**
 * Runs a large one-off load (the demo seeder) several times faster. ONLY for a new file that is
 * thrown away if the load fails:
 * - no rollback journal and synchronous=OFF: WAL would write every page twice (≈2× slower) and a
 *   crash mid-load only loses a file nobody uses yet;
 * - the name-index triggers are dropped and both name indexes are rebuilt once at the end
 *   (≈13 µs per name in bulk against ≈50 µs per row through the trigram trigger alone);
 * - a bigger page cache keeps the growing history indexes in memory;
 * - foreign keys are checked once at the end (a load with orphans fails there).
 * Journal mode, durability, cache and triggers are restored whatever happens.
 */
export function bulkLoad<T>(db: Db, load: () => T): T {
  const session = startBulkLoad(db);
  try {
    return load();
  } finally {
    session.finish();
  }
}

/** The same as bulkLoad, for loads that await between batches (a generator in a worker thread). */
function startBulkLoad(db: Db): { finish(): void } {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'customers_fts_%' OR name LIKE 'customers_words_%')",
    )
    .all();
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // Checked once for the whole load in finish() instead of one index probe per row.
  db.pragma('foreign_keys = OFF');
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  return {
    finish() {
      rebuildNameIndexes(db);
      for (const { sql } of triggers) db.exec(sql);
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma('synchronous = NORMAL');
      db.pragma(`journal_mode = ${journalMode}`);
      db.pragma(`foreign_keys = ${foreignKeys}`);
      const orphans = db.pragma('foreign_key_check') as { table: string }[];
      if (orphans.length > 0) {
        throw new Error(`bulk load left ${orphans.length} rows pointing at missing parents, first in ${orphans[0]?.table ?? '?'}`);
      }
    },
  };
}
