import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySyncPreset } from '../../../electron/host/sync-preset';
import { KNOWN } from '../../../electron/host/demo/known';
import { openStore } from '../../../server/store/open';
import { DEMO_ACCOUNTS, seedServerDemo } from '../../../scripts/server-demo';
import { cleanupsAfterAll, consoleHost, freePort, inProcessServer, settled } from './rig';

const agent = DEMO_ACCOUNTS.find((a) => a.username === '1001')!;

// The quick start's demo (scripts/start.sh): a server seeded with the demo contact center, a console that signs in on start.
describe('the demo contact center on the sync server (SQLite, as the quick start runs it)', () => {
  const cleanup = cleanupsAfterAll();

  it('fills an empty console that signs in as agent 1001: 张伟 pops with his history and his complaint task is queued', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'huifang-demo-server-'));
    cleanup(() => rmSync(dir, { recursive: true, force: true }));
    const store = await openStore({ sqlite: path.join(dir, 'server.db') });
    cleanup(() => store.close());
    const stats = await seedServerDemo(store, { customers: 1_000, seed: 42 });
    expect(stats.customers).toBe(1_000);
    await expect(seedServerDemo(store, { customers: 1_000, seed: 42 })).rejects.toThrow(/already has a user "1001"/);
    const server = await inProcessServer(store, await freePort());
    cleanup(() => server.down());
    const host = consoleHost();
    cleanup(() => host.close());

    // A wrong password leaves the console signed out and working, with the server's reason.
    expect(await applySyncPreset(host.handlers, { server: server.base, username: '1001', password: 'wrong password' })).toMatch(/could not sign in as 1001 .*works offline/);
    expect(host.sync.client.status().state).toBe('signed_out');

    expect(await applySyncPreset(host.handlers, { server: `${server.base}/`, username: agent.username, password: agent.password })).toBe(`sync: signed in as 1001 at ${server.base}`);
    await settled(host);
    expect(host.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1_000);
    const pop = await host.handlers.lookupCaller({ raw: '+86 138 0013 8000' });
    expect(pop.status).toBe('matched');
    if (pop.status !== 'matched') return;
    expect(pop.view.customer.name).toBe(KNOWN.zhangWei.name);
    expect(pop.view.firstPage.events.length).toBeGreaterThan(10);
    expect(host.db.prepare("SELECT status FROM followup_tasks WHERE id = ?").pluck().get(KNOWN.zhangWei.complaintTaskId)).toBe('queued');

    // The next start finds the session and resumes it, no password needed.
    expect(await applySyncPreset(host.handlers, { server: server.base, username: '1001', password: undefined })).toMatch(/^sync: 1001 at .*, session resumed/);
  });
});
