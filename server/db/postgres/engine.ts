import pg from 'pg';
import { inTransaction, outsideTransaction } from '../changes';
import type { Engine, Queries } from '../queries';
import { accountQueries } from './accounts';
import { customerQueries } from './customers';
import type { Exec } from './exec';
import { migrate } from './migrate';
import { CHANNEL, syncQueries } from './sync';
import { taskQueries } from './tasks';

// BIGINT (epoch ms, sequences) fits a JS number for the next 280,000 years; pg returns strings by default.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Deadlock, serialization failure, unique violation from a concurrent insert: run the transaction again. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 8;

function queriesOn(db: Exec): Queries {
  return outsideTransaction({ ...accountQueries(db), ...customerQueries(db), ...taskQueries(db), ...syncQueries(db) });
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : undefined;
}

/**
 * The scale-out engine: several server processes share one database. A transaction that appended
 * changes sends NOTIFY (delivered at commit, never for a rollback); every process LISTENs and wakes
 * its WebSocket clients, so a change made through one process reaches consoles on all of them.
 */
export async function openPostgresEngine(url: string, poolSize = 10): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // an idle client dropped by the server; the pool replaces it
  await migrate(pool);
  const listeners = new Set<() => void>();
  const listener = new pg.Client({ connectionString: url });
  listener.on('error', () => undefined);
  await listener.connect();
  listener.on('notification', () => {
    for (const l of listeners) l();
  });
  await listener.query(`LISTEN ${CHANNEL}`);

  async function attempt<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { queries, queue } = inTransaction(queriesOn(client));
      const result = await fn(queries);
      // The changes (and their NOTIFY) go last: the counter lock lives from here to COMMIT only.
      await queue.flush();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    read: queriesOn(pool),
    async tx<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
      for (let i = 1; ; i++) {
        try {
          return await attempt(fn);
        } catch (error) {
          if (i >= MAX_ATTEMPTS || !RETRYABLE.has(codeOf(error) ?? '')) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
        }
      }
    },
    onCommittedChanges(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      await listener.end().catch(() => undefined);
      await pool.end();
    },
  };
}
