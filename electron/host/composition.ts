import path from 'node:path';
import type { Handlers } from '../../shared/api';
import { createStores, openDatabase, type Db } from './db';
import { createHostEvents, type HostEvents } from './events';
import { keyFileBox } from './secrets/keyfile-box';
import type { SecretBox } from './secrets/secret-box';
import { createHandlers } from './services';
import { createSync, sealedTokenVault, type Sync, type TokenVault } from './sync';

export interface HostOptions {
  /** A file path, or ':memory:' for tests. */
  dbFile: string;
  /** ISO 3166 region for numbers typed without a country code, e.g. 'CN'. */
  defaultRegion: string;
  mode: 'desktop' | 'web';
  version: string;
  /** Seals the SIP password. Electron passes safeStorage; by default a 0600 key file beside the db. */
  secretBox?: SecretBox;
  /** The sync server to offer on the login screen; the console stays local until someone signs in. */
  serverUrl?: string;
  /** Sync wiring for tests and tools: where the refresh token lives, retry delays, the fetch to use. */
  sync?: { vault?: TokenVault; retry?: { baseMs: number; maxMs: number }; fetch?: typeof fetch; pullLimit?: number; autoStart?: boolean };
}

/** on/emit over the contract's events; declared next to its implementation in events.ts. */
export type { HostEvents } from './events';

export interface Host {
  handlers: Handlers;
  events: HostEvents;
  db: Db;
  /** The sync client and the local writes (edits, notes, outcomes) that feed its outbox. */
  sync: Sync;
  close(): void;
}

/**
 * The one composition root: opens the store, builds the domain stores, the services over them and
 * the event channel. Both shells (Electron main and web.ts) call this and hand `handlers` and
 * `events` to their transport; nothing else constructs services.
 */
export function createHost(options: HostOptions): Host {
  const defaultRegion = checkedRegion(options.defaultRegion);
  const db = openDatabase(options.dbFile);
  const stores = createStores(db, {
    defaultRegion,
    onUnreadable: (event) =>
      console.warn(`history event ${event.id} (${event.kind}) is unreadable: ${event.field ?? ''} ${event.detail}`),
  });
  const events = createHostEvents();
  const secretBox = options.secretBox ?? keyFileBox(options.dbFile === ':memory:' ? null : path.join(path.dirname(options.dbFile), 'secret.key'));
  const sync = createSync({
    db,
    events,
    history: stores.history,
    outbox: stores.outbox,
    vault: options.sync?.vault ?? sealedTokenVault(stores.secrets, secretBox),
    ...(options.sync?.retry ? { retry: options.sync.retry } : {}),
    ...(options.sync?.fetch ? { fetch: options.sync.fetch } : {}),
    ...(options.sync?.pullLimit ? { pullLimit: options.sync.pullLimit } : {}),
  });
  const handlers: Handlers = {
    ...createHandlers({ stores, version: options.version, mode: options.mode, defaultRegion, secretBox }),
    ...syncHandlers(sync, options.serverUrl ?? null),
  };
  if (options.sync?.autoStart !== false) sync.client.start();
  return {
    handlers,
    events,
    db,
    sync,
    close() {
      sync.client.stop();
      if (db.open) db.close();
    },
  };
}

/** The contract's sync methods; before the first sign-in the status names the configured server. */
function syncHandlers(sync: Sync, serverUrl: string | null): Pick<Handlers, 'syncStatus' | 'login' | 'logout'> {
  const withDefault = <T extends { server: string | null }>(status: T): T => ({ ...status, server: status.server ?? serverUrl });
  return {
    syncStatus: () => withDefault(sync.client.status()),
    login: async (input) => withDefault(await sync.client.login(input)),
    logout: async () => withDefault(await sync.client.logout()),
  };
}

function checkedRegion(region: string): string {
  if (!/^[A-Za-z]{2}$/.test(region)) throw new Error(`defaultRegion: expected a two-letter region such as CN, got "${region.slice(0, 20)}"`);
  return region.toUpperCase();
}
