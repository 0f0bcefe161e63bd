import path from 'node:path';
import type { Handlers } from '../../shared/api';
import { createStores, openDatabase, type Db } from './db';
import { createHostEvents, type HostEvents } from './events';
import { keyFileBox } from './secrets/keyfile-box';
import type { SecretBox } from './secrets/secret-box';
import { createServices } from './services';
import { followUpConfig, loadFollowUpConfig, type FollowUpConfig } from './services/followup/config';
import type { FollowUpService, FollowUpSync } from './services/followup/service';
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
  /**
   * Follow-up settings (docs/followup.md, "Settings file"): a JSON file path, or the settings
   * already parsed (tests); absent = the built-ins. Read before the store is opened, so a bad file
   * stops the host with a ConfigError naming the field and nothing is written.
   */
  followUp?: { configFile?: string | null; config?: unknown; now?: () => number };
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
  /** The follow-up service behind nextTask & co. (its `idle()` settles background claims). */
  followUp: FollowUpService;
  close(): void;
}

/**
 * The one composition root: opens the store, builds the domain stores, the services over them and
 * the event channel. Both shells (Electron main and web.ts) call this and hand `handlers` and
 * `events` to their transport; nothing else constructs services.
 */
export function createHost(options: HostOptions): Host {
  const defaultRegion = checkedRegion(options.defaultRegion);
  const followUp: FollowUpConfig =
    options.followUp?.config !== undefined
      ? followUpConfig(options.followUp.config, defaultRegion)
      : loadFollowUpConfig(options.followUp?.configFile ?? null, defaultRegion);
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
  const services = createServices({
    stores,
    db,
    version: options.version,
    mode: options.mode,
    defaultRegion,
    secretBox,
    followUp: { config: followUp, sync: followUpSync(sync), ...(options.followUp?.now ? { now: options.followUp.now } : {}) },
  });
  const handlers: Handlers = {
    ...services.handlers,
    ...syncHandlers(sync, options.serverUrl ?? null),
  };
  if (options.sync?.autoStart !== false) sync.client.start();
  return {
    handlers,
    events,
    db,
    sync,
    followUp: services.followUp,
    close() {
      sync.client.stop();
      if (db.open) db.close();
    },
  };
}

/** The follow-up service's view of sync: state, session, claims, the local write path (public API only). */
function followUpSync(sync: Sync): FollowUpSync {
  return {
    state: () => sync.client.status().state,
    session: () => {
      const session = sync.state.session();
      return session ? { userId: session.userId, username: session.username } : null;
    },
    claim: (taskId) => sync.client.claim(taskId),
    writes: sync.writes,
    clientId: () => sync.state.node().clientId,
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
