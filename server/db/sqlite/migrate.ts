import type { Database } from 'better-sqlite3';
import { migrations, type Migration } from './migrations';

/** Applies every migration above the current version, each in its own transaction. */
export function migrate(db: Database, upTo = Number.POSITIVE_INFINITY, list: Migration[] = migrations): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const m of list) {
    if (m.version > upTo || done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied.push(m.version);
  }
  return applied;
}
