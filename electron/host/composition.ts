import path from 'node:path';
import type { Handlers } from '../../shared/api';
import { createStores, openDatabase, type Db } from './db';
import { createHostEvents, type HostEvents } from './events';
import { keyFileBox } from './secrets/keyfile-box';
import type { SecretBox } from './secrets/secret-box';
import { createHandlers } from './services';

export interface HostOptions {
  /** A file path, or ':memory:' for tests. */
  dbFile: string;
  /** ISO 3166 region for numbers typed without a country code, e.g. 'CN'. */
  defaultRegion: string;
  mode: 'desktop' | 'web';
  version: string;
  /** Seals the SIP password. Electron passes safeStorage; by default a 0600 key file beside the db. */
  secretBox?: SecretBox;
}

/** on/emit over the contract's events; declared next to its implementation in events.ts. */
export type { HostEvents } from './events';

export interface Host {
  handlers: Handlers;
  events: HostEvents;
  db: Db;
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
  const handlers = createHandlers({ stores, version: options.version, mode: options.mode, defaultRegion, secretBox });
  return {
    handlers,
    events,
    db,
    close() {
      if (db.open) db.close();
    },
  };
}

function checkedRegion(region: string): string {
  if (!/^[A-Za-z]{2}$/.test(region)) throw new Error(`defaultRegion: expected a two-letter region such as CN, got "${region.slice(0, 20)}"`);
  return region.toUpperCase();
}
