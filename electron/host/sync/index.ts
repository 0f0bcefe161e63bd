import type { Db } from '../db/open';
import type { HistoryWriter } from '../db/history';
import type { OutboxWriter } from '../db/outbox';
import { replicaStore } from '../db/replica';
import { syncStateStore } from '../db/sync-state';
import type { HostEvents } from '../events';
import type { TokenVault } from './auth';
import { SyncClient } from './client';
import { localWrites } from './local-writes';

export { SyncClient } from './client';
export type { LocalWrites, OutcomeResult } from './local-writes';
export { memoryVault, sealedTokenVault } from './vault';
export type { TokenVault } from './auth';

export interface SyncOptions {
  db: Db;
  events: HostEvents;
  history: HistoryWriter;
  outbox: OutboxWriter;
  vault: TokenVault;
  fetch?: typeof fetch;
  now?: () => number;
  retry?: { baseMs: number; maxMs: number };
  pullLimit?: number;
}

/** The sync client and the local writes that feed it, over one store. */
export function createSync(options: SyncOptions) {
  const state = syncStateStore(options.db);
  const replica = replicaStore(options.db);
  // An initial load cut by a crash: its indexes are rebuilt and its triggers restored before anything reads them.
  replica.finishInitialLoad();
  const now = options.now ?? Date.now;
  const client = new SyncClient({
    state,
    replica,
    vault: options.vault,
    events: options.events,
    eventById: (id) => replica.eventById(id),
    now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}),
  });
  const writes = localWrites({ db: options.db, state, replica, history: options.history, outbox: options.outbox, now, onWrite: () => client.kick() });
  return { client, writes, state, replica };
}
export type Sync = ReturnType<typeof createSync>;
