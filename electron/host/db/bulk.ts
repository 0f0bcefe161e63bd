import { rebuildNameIndexes } from './nameWords';
import type { Db } from './open';

/**
 * Runs a large one-off load (the demo seeder) several times faster. ONLY for a new file that is
 * thrown away if the load fails:
 * - no rollback journal and synchronous=OFF: WAL would write every page twice (≈2× slower) and a
 *   crash mid-load only loses a file nobody uses yet;
 * - the name-index triggers are dropped and both name indexes are rebuilt once at the end
 *   (≈13 µs per name in bulk against ≈50 µs per row through the trigram trigger alone); so are the
 *   follow-up zone triggers (migration 009: per row, without their index, they would scan), so the
 *   caller fills the zones afterwards in one UPDATE (`refreshZones`, as the demo seeder does);
 * - a bigger page cache keeps the growing history indexes in memory;
 * - foreign keys are checked once at the end (a load with orphans fails there);
 * - non-unique indexes are dropped and rebuilt by one sort at the end (unique ones stay: they
 *   enforce rules the load must not break).
 * Journal mode, durability, cache, indexes and triggers are restored whatever happens.
 */
export function bulkLoad<T>(db: Db, load: () => T): T {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'customers_fts_%' OR name LIKE 'customers_words_%' OR name LIKE 'followup_zone_%')",
    )
    .all();
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
    )
    .all();
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = OFF');
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  try {
    return load();
  } finally {
    for (const { sql } of indexes) db.exec(sql);
    rebuildNameIndexes(db);
    for (const { sql } of triggers) db.exec(sql);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('synchronous = NORMAL');
    db.pragma(`journal_mode = ${journalMode}`);
    db.pragma(`foreign_keys = ${foreignKeys}`);
    const orphans = db.pragma('foreign_key_check') as { table: string }[];
    if (orphans.length > 0) {
      // eslint-disable-next-line no-unsafe-finally -- a load that broke references must not look successful
      throw new Error(`bulk load left ${orphans.length} rows pointing at missing parents, first in ${orphans[0]?.table ?? '?'}`);
    }
  }
}
