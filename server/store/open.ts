import { openPostgresEngine } from '../db/postgres/engine';
import { openSqliteEngine } from '../db/sqlite/engine';
import type { StoreOptions } from './context';
import { createStore, type Store } from './store';

export type StoreLocation = { sqlite: string } | { postgres: string };

/** SQLite by default (one file, nothing to install); PostgreSQL when several server processes share the data. */
export async function openStore(where: StoreLocation, options: StoreOptions = {}): Promise<Store> {
  const engine = 'sqlite' in where ? openSqliteEngine(where.sqlite) : await openPostgresEngine(where.postgres);
  return createStore(engine, options);
}
