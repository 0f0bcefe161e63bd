import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { registerNameFunctions } from './nameWords';
import { registerZoneFunction } from './zones';

/** The console's one database handle. Only electron/host/db/ runs SQL on it. */
export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migrations: only for tools that inspect a file before deciding what to do with it. */
  readonly migrate?: boolean;
}

/**
 * Opens (and creates) the store at `file`, or an in-memory store for ':memory:'.
 * WAL lets the renderer's reads proceed while a sync batch writes; NORMAL is durable in WAL mode
 * except for the last transactions on power loss, which the outbox/sync can replay.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // A second process (seed script, bench) may hold the write lock briefly: wait instead of failing.
    db.pragma('busy_timeout = 5000');
    // Hot pages of the e164 and history indexes stay in memory: 64 MiB (negative = KiB).
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Before migrating: migration 007 and the name triggers call it; the follow-up zone triggers
    // (009) call followup_zone(), which the host registers again with its own zone options.
    registerNameFunctions(db);
    registerZoneFunction(db);
    if (options.migrate !== false) migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
