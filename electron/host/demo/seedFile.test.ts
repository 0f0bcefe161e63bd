import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores, inspectStoreFile, openDatabase } from '../db';
import { aCustomer } from '../db/test-fixtures';
import { RefusedToOverwrite, seedDemoFile } from './seedFile';

const dir = mkdtempSync(path.join(tmpdir(), 'huifang-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seedDemoFile', () => {
  it('creates a demo store (and its folder), then may replace it with another demo', () => {
    const file = path.join(dir, 'nested', 'demo.db');
    expect(seedDemoFile(file, { customers: 1_000, seed: 1 }).customers).toBe(1_000);
    expect(inspectStoreFile(file)).toMatchObject({ kind: 'store', meta: { demo_seed: '1', demo_customers: '1000' } });
    seedDemoFile(file, { customers: 1_000, seed: 2 });
    expect(inspectStoreFile(file)).toMatchObject({ kind: 'store', meta: { demo_seed: '2' } });
    expect(existsSync(`${file}.seeding`)).toBe(false);
  });

  it('refuses to overwrite a store with real data unless forced, leaving it untouched', () => {
    const file = path.join(dir, 'agent.db');
    const db = openDatabase(file);
    createStores(db, { defaultRegion: 'CN' }).customers.insert(aCustomer('real-1', '真实客户'), []);
    db.close();
    expect(() => seedDemoFile(file, { customers: 1_000, seed: 1 })).toThrow(RefusedToOverwrite);
    expect(() => seedDemoFile(file, { customers: 1_000, seed: 1 })).toThrow(/not made by the demo generator; pass --force/);
    const again = openDatabase(file);
    expect(createStores(again, { defaultRegion: 'CN' }).customers.byId('real-1')?.name).toBe('真实客户');
    again.close();
  });

  it('refuses to overwrite a file that is not a store at all', () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'my notes, not a database, but long enough to look like a header '.repeat(4));
    expect(() => seedDemoFile(file, { customers: 1_000, seed: 1 })).toThrow(/is not a Huifang store/);
    expect(readFileSync(file, 'utf8')).toContain('my notes');
  });
});
