import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/open';
import { engines } from '../server/harness';
import { killHard, startServerProcess } from '../server/process';
import { PASSWORD, cleanupsAfterAll, consoleHost, freePort, seed, settled, status, until } from './rig';

// Two push batches (MAX_PUSH_OPS is 500): enough for the kill to land mid-push, small enough for the default suite.
const NOTES = 800;
const SECRET = 'cd'.repeat(32);

/** Counts on the server's database, read directly as an operator would after a crash. */
async function serverCounts(where: { sqlite: string } | { postgres: string }): Promise<{ ops: number; notes: number }> {
  const sql = "SELECT (SELECT count(*) FROM ops) AS ops, (SELECT count(*) FROM history WHERE kind = 'note') AS notes";
  if ('sqlite' in where) {
    const db = new Database(where.sqlite, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).get() as { ops: number; notes: number };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: where.postgres });
  await client.connect();
  try {
    const row = (await client.query<{ ops: string; notes: string }>(sql)).rows[0]!;
    return { ops: Number(row.ops), notes: Number(row.notes) };
  } finally {
    await client.end();
  }
}

for (const engine of engines('tests/integration/sync/push-kill')) {
  describe.skipIf(engine.open === null)(`a console's push cut by a server crash (${engine.name})`, () => {
    const cleanup = cleanupsAfterAll();

    it('loses nothing and duplicates nothing: the console resends by itself after the restart', async () => {
      const db = await engine.open!();
      cleanup(db.cleanup);
      const seeded = await openStore(db.where);
      const { customerIds } = await seed(seeded, 1, 0);
      await seeded.close();
      const port = await freePort();
      const args = [...('sqlite' in db.where ? ['--db', db.where.sqlite] : ['--pg', db.where.postgres]), '--port', String(port), '--sweep-minutes', '0'];
      const env = { HUIFANG_SECRET: SECRET };
      let server = await startServerProcess(args, env);
      cleanup(() => killHard(server.child));

      const host = consoleHost();
      cleanup(() => host.close());
      await host.handlers.login({ server: `http://127.0.0.1:${port}`, username: 'a1', password: PASSWORD });
      await settled(host);

      // Offline: the agent keeps working; the notes wait in the outbox.
      await killHard(server.child);
      await until('offline', () => status(host).state, (s) => s === 'offline');
      const customerId = customerIds[0]!;
      for (let i = 0; i < NOTES; i++) {
        const text = `回访记录 ${i}`;
        host.sync.writes.appendEvent({ id: `ev-kill-${i}`, customerId, kind: 'note', occurredAt: new Date().toISOString(), summary: text, payload: { text, author: null } });
      }
      expect(status(host).pending).toBe(NOTES);

      // The server comes back, the console starts pushing, and the server dies again mid-push.
      server = await startServerProcess(args, env);
      const atKill = await until('the first ops committed', () => serverCounts(db.where), (c) => c.ops > 0, 30_000);
      await killHard(server.child);
      const committed = await serverCounts(db.where);
      expect(committed.ops).toBeLessThan(NOTES);

      server = await startServerProcess(args, env);
      await until('outbox drained', () => status(host), (s) => s.state === 'online' && s.pending === 0, 60_000);
      const after = await serverCounts(db.where);
      expect(after).toEqual({ ops: NOTES, notes: NOTES });
      await until('every note back on the console once', () => host.db.prepare("SELECT count(*) FROM history_events WHERE kind = 'note'").pluck().get(), (n) => n === NOTES);
      console.log(`[sync push-kill ${engine.name}] server killed with ${atKill.ops}→${committed.ops} of ${NOTES} ops committed; after the console's own resend: ${after.ops} ops, ${after.notes} notes`);
    }, 120_000);
  });
}
