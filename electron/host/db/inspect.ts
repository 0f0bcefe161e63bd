import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export type StoreFile =
  | { kind: 'missing' }
  | { kind: 'not_a_store'; detail: string }
  | { kind: 'store'; schemaVersion: number; meta: Record<string, string> };

/**
 * Looks at a file without changing it (read-only, no migrations): is it a Huifang store, and
 * what does its meta table say? Lets tools decide before they overwrite anything.
 */
export function inspectStoreFile(file: string): StoreFile {
  if (!existsSync(file)) return { kind: 'missing' };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { kind: 'not_a_store', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'").get() !== undefined;
    const rows = hasMeta ? db.prepare<[], { key: string; value: string }>('SELECT key, value FROM store_meta').all() : [];
    return { kind: 'store', schemaVersion, meta: Object.fromEntries(rows.map((r) => [r.key, r.value])) };
  } catch (error) {
    return { kind: 'not_a_store', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
}
