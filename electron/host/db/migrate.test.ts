import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import { registerNameFunctions } from './nameWords';

const table = (version: number, sql: string): Migration => ({ version, name: `m${version}`, up: (db) => db.exec(sql) });

describe('migrate', () => {
  it('applies every migration once, in order, and is a no-op the second time', () => {
    const db = new Database(':memory:');
    registerNameFunctions(db);
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('creates only STRICT tables (the FTS name indexes are virtual and cannot be)', () => {
    const db = new Database(':memory:');
    registerNameFunctions(db);
    migrate(db, MIGRATIONS);
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_name_%'")
      .all();
    expect(tables.length).toBeGreaterThanOrEqual(6);
    expect(tables.filter((t) => (t as { strict: number }).strict !== 1)).toEqual([]);
    db.close();
  });

  it('leaves the file at its last good version when a migration fails', () => {
    const db = new Database(':memory:');
    const broken = [table(1, 'CREATE TABLE a (x INTEGER) STRICT'), table(2, 'CREATE TABLE b (x INTEGER) STRICT; SELECT * FROM missing')];
    expect(() => migrate(db, broken)).toThrow(/no such table: missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file written by a newer build instead of misreading it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer than this build supports/);
    db.close();
  });
});
