import type { Db } from './open';

/**
 * After a bulk load: fresh statistics so the planner picks the e164 and history indexes from the
 * first query, and a checkpoint so the WAL does not carry the whole load into the next open.
 */
export function optimizeAfterBulkLoad(db: Db): void {
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
