import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Operation, OpAck, PullResponse } from '../../../shared/sync';
import { engines } from './harness';
import { killHard, startServerProcess } from './process';

/**
 * A console pushes 2,500 outbox ops; the server process is killed (SIGKILL) in the middle of
 * applying them, restarted on the same database, and the console resends everything. Nothing may
 * be lost and nothing doubled: every op is acked applied or duplicate, and there are exactly 2,500 events.
 */
const SECRET = 'ab'.repeat(32);
const ADMIN_PASSWORD = 'admin password 1';
const BATCHES = 5;
const PER_BATCH = 500;

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

for (const engine of engines('tests/integration/server/push-cut')) {
  describe.skipIf(engine.open === null)(`a push cut by a server crash on ${engine.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('loses nothing and duplicates nothing after the resend', async () => {
      const db = await engine.open!();
      cleanups.push(db.cleanup);
      const args = 'sqlite' in db.where ? ['--db', db.where.sqlite] : ['--pg', db.where.postgres];
      const env = { HUIFANG_SECRET: SECRET, HUIFANG_ADMIN_PASSWORD: ADMIN_PASSWORD };
      let server = await startServerProcess(args, env);
      cleanups.push(() => killHard(server.child));

      const call = <T>(path: string, token: string | null, body?: unknown) =>
        fetch(`${server.base}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).then((r) => json<T>(r));
      const admin = (await call<{ accessToken: string }>('/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).accessToken;
      const team = await call<{ id: string }>('/admin/teams', admin, { name: 'A' });
      await call('/admin/users', admin, { username: 'agent1', password: 'agent password', role: 'agent', teamId: team.id });
      await call(`/import/customers?teamId=${team.id}`, admin, [{ external_id: 'c-1', name: '张三', phone: '13800138000' }]);
      const agent = (await call<{ accessToken: string }>('/auth/login', null, { username: 'agent1', password: 'agent password' })).accessToken;
      const first = await call<PullResponse>('/sync/pull?since=0', agent);
      const customer = first.changes[0];
      if (customer?.domain !== 'customer') throw new Error('expected the customer');

      const batches: Operation[][] = Array.from({ length: BATCHES }, (_, b) =>
        Array.from({ length: PER_BATCH }, (_, i) => {
          const n = b * PER_BATCH + i;
          return {
            type: 'history.append',
            opId: `op-cut-${String(n).padStart(5, '0')}`,
            hlc: `${String(Date.now()).padStart(15, '0')}:${n.toString(36).padStart(5, '0')}:console1`,
            event: { id: `ev-${n}`, customerId: customer.customer.id, kind: 'note', occurredAt: '2026-11-25T08:00:00.000Z', summary: `note ${n}`, payload: { text: `回访 ${n}`, author: null } },
          } satisfies Operation;
        }),
      );
      const countOps = await opCounter(db.where);
      cleanups.push(countOps.close);

      // Fire every batch, and kill the server as soon as the first chunk has committed.
      const inFlight = batches.map((ops) => call('/sync/push', agent, { clientId: 'console1', ops }).catch((e: unknown) => e));
      let atKill = 0;
      for (let i = 0; i < 5000 && atKill === 0; i++) {
        atKill = await countOps.count();
        if (atKill === 0) await new Promise((r) => setTimeout(r, 2));
      }
      await killHard(server.child);
      await Promise.all(inFlight);
      const committed = await countOps.count();
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(BATCHES * PER_BATCH);

      server = await startServerProcess(args, env);
      const acks: OpAck[] = [];
      for (const ops of batches) acks.push(...(await call<{ acks: OpAck[] }>('/sync/push', agent, { clientId: 'console1', ops })).acks);
      const duplicates = acks.filter((a) => a.status === 'duplicate').length;
      expect(acks.filter((a) => a.status === 'rejected')).toEqual([]);
      expect(duplicates).toBe(committed);
      expect(acks.length).toBe(BATCHES * PER_BATCH);

      const ids = new Set<string>();
      let since = 0;
      for (;;) {
        const page = await call<PullResponse>(`/sync/pull?since=${since}&limit=1000`, agent);
        for (const c of page.changes) if (c.domain === 'history') ids.add(c.event.id);
        since = page.cursor;
        if (!page.hasMore) break;
      }
      expect(ids.size).toBe(BATCHES * PER_BATCH);
      expect(await countOps.events()).toBe(BATCHES * PER_BATCH);
      console.log(`[push-cut ${engine.name}] killed after ${committed} of ${BATCHES * PER_BATCH} ops committed; resend: ${duplicates} duplicate, ${acks.length - duplicates} applied; ${ids.size} events, none doubled`);
      await killHard(server.child);
    }, 120_000);
  });
}

/** Reads the server's database directly, the way an operator would check after a crash. */
async function opCounter(where: { sqlite: string } | { postgres: string }) {
  if ('sqlite' in where) {
    const open = () => new Database(where.sqlite, { readonly: true, fileMustExist: true });
    return {
      count: () => {
        const db = open();
        try {
          return Promise.resolve(db.prepare('SELECT count(*) FROM ops').pluck().get() as number);
        } finally {
          db.close();
        }
      },
      events: () => {
        const db = open();
        try {
          return Promise.resolve(db.prepare('SELECT count(*) FROM history').pluck().get() as number);
        } finally {
          db.close();
        }
      },
      close: () => Promise.resolve(),
    };
  }
  const client = new pg.Client({ connectionString: where.postgres });
  await client.connect();
  return {
    count: async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM ops')).rows[0]?.n ?? 0),
    events: async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM history')).rows[0]?.n ?? 0),
    close: () => client.end(),
  };
}
