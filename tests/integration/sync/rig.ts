import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { hashPassword } from '../../../server/auth/passwords';
import type { Store } from '../../../server/store/store';
import { createHost, type Host } from '../../../electron/host/composition';
import { memoryVault } from '../../../electron/host/sync';
import type { SyncStatus } from '../../../shared/api/sync';
import { afterAll } from 'vitest';
import { openStore } from '../../../server/store/open';
import type { EngineUnderTest } from '../server/harness';

export const PASSWORD = 'agent password 1';

/** A free port on 127.0.0.1, so a restarted server comes back where the consoles expect it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Team A with agents a1 and a2, the customers and tasks the scenarios work on. */
export async function seed(store: Store, customers: number, tasks: number) {
  const team = (await store.createTeam('A')).id;
  const hash = await hashPassword(PASSWORD);
  const admin = await store.createUser({ username: 'sup', passwordHash: hash, role: 'supervisor', teamId: team });
  for (const name of ['a1', 'a2']) await store.createUser({ username: name, passwordHash: hash, role: 'agent', teamId: team });
  for (let i = 0; i < customers; i++) {
    await store.importCustomer(team, {
      externalId: `crm-${i}`,
      fields: { name: `客户 ${i}`, segment: 'standard', tags: [], region: 'CN', timeZone: null, email: null, company: null, city: '杭州', language: 'zh-CN' },
      phones: [{ e164: `+86138${String(i).padStart(8, '0')}`, label: 'mobile', isPrimary: true }],
    });
  }
  const actor = { userId: admin.id, role: 'supervisor' as const, teamId: team };
  const pulled = await store.pull(actor, 0, 1000);
  const ids = pulled.changes.flatMap((c) => (c.domain === 'customer' ? [c.customer.id] : []));
  const taskIds: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const t = await store.createTask(actor, { customerId: ids[i % ids.length]!, type: 'satisfaction_survey', priority: 3, dueAt: new Date().toISOString(), slaAt: new Date(Date.now() + 86_400_000).toISOString(), reason: `survey ${i}`, reasonEventId: null });
    taskIds.push(t.id);
  }
  return { team, customerIds: ids, taskIds };
}

/** The server in this process, restartable on the same port (an outage the consoles live through). */
export async function inProcessServer(store: Store, port: number) {
  let app: FastifyInstance | null = null;
  const up = async () => {
    app = (await buildApp({ store, secret: Buffer.alloc(32, 7) })).app;
    await app.listen({ host: '127.0.0.1', port });
  };
  await up();
  return {
    base: `http://127.0.0.1:${port}`,
    up,
    async down() {
      // Cut live WebSockets too, as a crash would.
      for (const client of app?.websocketServer?.clients ?? []) client.terminate();
      await app?.close();
      app = null;
    },
  };
}

/** A console's host with an in-memory store, fast retries and the token kept in memory; `fetch` and `pullLimit` as the test needs. */
export function consoleHost(options: { fetch?: typeof fetch; pullLimit?: number } = {}): Host {
  return createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: 'it', sync: { vault: memoryVault(), retry: { baseMs: 50, maxMs: 400 }, ...options } });
}

/** Teardown steps of a describe block, run in reverse order after its last test. Call inside `describe`. */
export function cleanupsAfterAll(): (...steps: (() => Promise<void> | void)[]) => void {
  const steps: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of steps.reverse()) await step();
  });
  return (...more) => void steps.push(...more);
}

/**
 * A fresh database of `engine`, its store seeded (`seed`) and an in-process server on a free port;
 * all of it torn down by `cleanup` in reverse order.
 */
export async function seededServer(engine: EngineUnderTest, cleanup: ReturnType<typeof cleanupsAfterAll>, customers: number, tasks: number) {
  const db = await engine.open!();
  cleanup(db.cleanup);
  const store = await openStore(db.where);
  cleanup(() => store.close());
  const seeded = await seed(store, customers, tasks);
  const server = await inProcessServer(store, await freePort());
  cleanup(() => server.down());
  return { store, server, ...seeded };
}

export async function until<T>(what: string, probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 25));
    last = await probe();
  }
  return last;
}

export const status = (host: Host): SyncStatus => host.sync.client.status();
export const settled = (host: Host) => until(`console settled`, () => status(host), (s) => s.state === 'online' && s.pending === 0);
