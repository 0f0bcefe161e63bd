import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { hashPassword } from '../../../server/auth/passwords';
import { issueAccessToken } from '../../../server/auth/tokens';
import type { Role } from '../../../server/db/queries';
import { openStore } from '../../../server/store/open';
import type { Store } from '../../../server/store/store';
import { freshDatabase, pgBaseUrl } from '../../rigs/postgres/env';

/** Every integration suite runs once per engine; PostgreSQL is skipped, loudly, only when no server is available. */
export interface EngineUnderTest {
  name: 'SQLite' | 'PostgreSQL';
  /** null when the engine is unavailable in this run. */
  open: (() => Promise<{ where: { sqlite: string } | { postgres: string }; cleanup: () => Promise<void> }>) | null;
}

export function engines(suite: string): EngineUnderTest[] {
  const pg = pgBaseUrl(suite);
  return [
    {
      name: 'SQLite',
      open: () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'huifang-it-'));
        return Promise.resolve({ where: { sqlite: path.join(dir, 'server.db') }, cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) });
      },
    },
    {
      name: 'PostgreSQL',
      open:
        pg === null
          ? null
          : async () => {
              const db = await freshDatabase(pg, 'it');
              return { where: { postgres: db.url }, cleanup: db.drop };
            },
    },
  ];
}

export const SECRET = Buffer.alloc(32, 42);
export const PASSWORD = 'correct horse battery';

export interface World {
  app: FastifyInstance;
  store: Store;
  where: { sqlite: string } | { postgres: string };
  teams: { A: string; B: string };
  users: Record<'a1' | 'a2' | 'b1' | 'supA' | 'supB' | 'admin', { id: string; role: Role; teamId: string | null; token: string }>;
  close(): Promise<void>;
}

/** A running app with two teams: agents a1, a2 and supervisor supA in A; b1 and supB in B; one admin. */
export async function world(engine: EngineUnderTest, options: { leaseMs?: number } = {}): Promise<World> {
  const db = await engine.open!();
  const store = await openStore(db.where, options);
  const { app } = await buildApp({ store, secret: SECRET });
  const A = (await store.createTeam('A')).id;
  const B = (await store.createTeam('B')).id;
  const hash = await hashPassword(PASSWORD);
  const spec = { a1: ['agent', A], a2: ['agent', A], b1: ['agent', B], supA: ['supervisor', A], supB: ['supervisor', B], admin: ['admin', null] } as const;
  const users = {} as World['users'];
  for (const [name, [role, teamId]] of Object.entries(spec)) {
    const u = await store.createUser({ username: name, passwordHash: hash, role, teamId });
    users[name as keyof typeof spec] = { id: u.id, role, teamId, token: issueAccessToken(SECRET, { userId: u.id, role, teamId }, Date.now(), 3_600_000) };
  }
  return {
    app,
    store,
    where: db.where,
    teams: { A, B },
    users,
    async close() {
      await app.close();
      await store.close();
      await db.cleanup();
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** CSV text → bytes in the given encoding. */
export { default as iconv } from 'iconv-lite';
