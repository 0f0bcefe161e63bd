import Database from 'better-sqlite3';
import { inTransaction, outsideTransaction } from '../changes';
import type { Engine, Queries } from '../queries';
import { accountQueries } from './accounts';
import { customerQueries } from './customers';
import { migrate } from './migrate';
import { syncQueries } from './sync';
import { taskQueries } from './tasks';
import { asAsync } from './types';

function queriesOn(db: Database.Database): Queries {
  return outsideTransaction(asAsync({ ...accountQueries(db), ...customerQueries(db), ...taskQueries(db), ...syncQueries(db) }));
}

/**
 * The zero-setup engine: one file, WAL so readers never wait for the writer. Two connections: the
 * writer runs one transaction at a time (a promise queue, since the store's code is async), the
 * reader sees only committed data, so a pull never returns a change that is later rolled back.
 */
export function openSqliteEngine(file: string): Engine {
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma('busy_timeout = 5000');
  migrate(writer);
  const reader = new Database(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  const write = queriesOn(writer);
  const read = queriesOn(reader);
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();

  async function run<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    const { queries, queue } = inTransaction(write);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(queries);
      await queue.flush();
      writer.exec('COMMIT');
      if (queue.appended) for (const l of listeners) l();
      return result;
    } catch (error) {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      throw error;
    }
  }

  return {
    kind: 'sqlite',
    read,
    tx<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
      const next = queue.then(() => run(fn));
      queue = next.catch(() => undefined);
      return next;
    },
    onCommittedChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await queue;
      reader.close();
      writer.close();
    },
  };
}
