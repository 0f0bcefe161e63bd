import type { Engine } from '../db/queries';
import type { FollowUpConfig } from '../followup/config';
import { runSweep } from '../followup/sweep';
import { accountStore } from './accounts';
import { claimStore } from './claims';
import { StoreContext, type StoreOptions } from './context';
import { importStore } from './imports';
import { pullStore } from './pull';
import { pushStore } from './push';
import { readStore } from './reads';
import { seedStore } from './seed';

/** The one storage interface of the server; the engine underneath is SQLite or PostgreSQL. */
export function createStore(engine: Engine, options: StoreOptions = {}) {
  const ctx = new StoreContext(engine, options);
  return {
    kind: engine.kind,
    now: ctx.now,
    ...accountStore(ctx),
    ...readStore(ctx),
    ...importStore(ctx),
    ...pushStore(ctx),
    ...pullStore(ctx),
    ...claimStore(ctx),
    ...seedStore(ctx),
    /** The time-based follow-up rules over every customer, at the store's now (server/followup/sweep.ts). */
    sweepFollowUps: (config: FollowUpConfig) => runSweep(engine, config, ctx.now()),
    /** Called after changes commit anywhere (this process, or any process on PostgreSQL). */
    onChange: (listener: () => void) => engine.onCommittedChanges(listener),
    close: () => engine.close(),
  };
}
export type Store = ReturnType<typeof createStore>;
