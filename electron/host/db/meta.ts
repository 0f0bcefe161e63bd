import type { Db } from './open';

/** Facts about the store file itself (e.g. "demo_seed"), see migration 005. */
export interface MetaStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function metaStore(db: Db): MetaStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key) => select.get(key)?.value ?? null,
    set: (key, value) => void upsert.run(key, value),
  };
}
