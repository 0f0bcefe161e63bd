import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { SCHEMA_VERSION } from '.';

const dir = mkdtempSync(path.join(tmpdir(), 'huifang-meta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 005: store meta', () => {
  it('remembers facts about the file across reopening, with the schema at the latest version', () => {
    const file = path.join(dir, 'store.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO store_meta (key, value) VALUES ('demo_seed', '42')").run();
    first.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM store_meta WHERE key = 'demo_seed'").pluck().get()).toBe('42');
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('keeps one value per key', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO store_meta (key, value) VALUES ('k', '1')").run();
    expect(() => db.prepare("INSERT INTO store_meta (key, value) VALUES ('k', '2')").run()).toThrow(/UNIQUE constraint failed/);
    db.close();
  });
});
