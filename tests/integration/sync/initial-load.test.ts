import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/composition';
import { memoryVault } from '../../../electron/host/sync';
import { engines } from '../server/harness';
import { PASSWORD, cleanupsAfterAll, consoleHost, seededServer, settled } from './rig';

/** Triggers and indexes: what an initial load drops and must give back. */
const triggers = (host: Host) => host.db.prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('trigger', 'index') ORDER BY type, name").pluck().all() as string[];
const names = async (host: Host, query: string) => (await host.handlers.searchCustomers({ query, limit: 100 })).results.map((r) => r.name);

for (const engine of engines('tests/integration/sync/initial-load')) {
  describe.skipIf(engine.open === null)(`a first sign-in into an empty console (${engine.name})`, () => {
    const cleanup = cleanupsAfterAll();

    it('finds every customer by name and queues every task in its zone once the sync is done, and keeps indexing after it', async () => {
      const { server } = await seededServer(engine, cleanup, 23, 9);
      // Pages of 5: several of them, each fetched while the one before is applied.
      const host = consoleHost({ pullLimit: 5 });
      cleanup(() => host.close());
      const before = triggers(host);
      const progress: number[] = [];
      host.events.on('syncStatus', (s) => {
        if (s.progress !== null) progress.push(s.progress);
      });

      await host.handlers.login({ server: server.base, username: 'a1', password: PASSWORD });
      await settled(host);
      // The pill said how far the load had come, page by page, up to all of it; online, it says nothing more.
      expect(progress.length).toBeGreaterThan(3);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress[0]).toBeLessThan(0.5);
      expect(progress.at(-1)).toBe(1);
      expect(host.sync.client.status().progress).toBeNull();
      expect(host.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(23);
      expect(await names(host, '客户 17')).toEqual(['客户 17']);
      expect(await names(host, '户')).toHaveLength(23);
      const zones = host.db.prepare('SELECT call_zone, count(*) AS n FROM followup_tasks GROUP BY call_zone').all();
      expect(zones).toEqual([{ call_zone: 'Asia/Shanghai', n: 9 }]);
      expect(triggers(host)).toEqual(before);

      // The triggers are back: a customer made on this console after the sync is indexed at once.
      await host.handlers.createCustomer({ name: '王芳芳', phone: '+8613900139000' });
      expect(await names(host, '芳')).toEqual(['王芳芳']);
      expect(await names(host, '王芳芳')).toEqual(['王芳芳']);
    });

    it('repairs an initial load cut by a crash when the console starts again', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'huifang-initial-'));
      cleanup(() => rmSync(dir, { recursive: true, force: true }));
      const open = () => createHost({ dbFile: path.join(dir, 'console.db'), defaultRegion: 'CN', mode: 'web', version: 'it', sync: { vault: memoryVault(), autoStart: false } });
      const first = open();
      const before = triggers(first);
      expect(first.sync.replica.beginInitialLoad()).toBe(true);
      const at = new Date().toISOString();
      const customer = (i: number) => ({
        customer: { id: `cus-${i}`, name: `客户 ${i}`, segment: null, tags: [], region: 'CN', timeZone: null, email: null, company: null, city: null, language: null, createdAt: at, updatedAt: at },
        phones: [{ e164: `+8613800000${String(i).padStart(3, '0')}`, label: 'mobile', isPrimary: true }],
        clocks: {},
      });
      first.sync.replica.applyPage({ customers: [customer(1), customer(2)], events: [], tasks: [] });
      expect(triggers(first).length).toBeLessThan(before.length);
      expect(triggers(first)).not.toContain('index customer_phones_by_e164');
      // Mid-load the console still answers: a caller is found (by a scan), the queue is just empty.
      expect(await first.handlers.lookupCaller({ raw: '+8613800000002' })).toMatchObject({ status: 'matched', view: { customer: { id: 'cus-2' } } });
      expect(await first.handlers.nextTask({})).toMatchObject({ status: 'empty' });
      first.close(); // the crash: no finish

      const again = open();
      cleanup(() => again.close());
      expect(triggers(again)).toEqual(before);
      expect(await names(again, '客户 2')).toEqual(['客户 2']);
      // Not empty any more: a later sync applies row by row with the triggers in place.
      expect(again.sync.replica.beginInitialLoad()).toBe(false);
      expect(again.sync.replica.finishInitialLoad()).toBe(false);
    });
  });
}
