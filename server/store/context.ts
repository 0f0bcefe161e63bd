import { randomUUID } from 'node:crypto';
import { encodeHlc, tick, receive, decodeHlc, type Hlc } from '../../shared/sync';
import { DEFAULT_LEASE_MS } from '../../shared/sync';
import type { HistoryEvent } from '../../shared/domain';
import type { Engine, Queries } from '../db/queries';
import type { GroupCommitOptions } from './group-commit';

/**
 * Runs inside the transaction that stored a new or changed history event (import or push), so the
 * follow-up tasks it creates commit or vanish together with the event. See server/followup.
 */
export interface EventHook {
  (q: Queries, teamId: string, event: HistoryEvent, at: number): Promise<void>;
  /**
   * False when the hook does nothing for this event (no enabled rule listens to its kind): a push
   * batch then neither locks the event's customer nor loads its tasks for it. Absent: every event.
   */
  wants?: (event: HistoryEvent) => boolean;
}

export interface StoreOptions {
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
  leaseMs?: number;
  /** HLC node id of this server process; random by default so two processes never share one. */
  nodeId?: string;
  /** Called for each stored event (server/followup/events.ts: the follow-up rules); none by default. */
  onEvent?: EventHook;
  /** How pushes are group-committed (server/store/group-commit.ts). */
  groupCommit?: Partial<GroupCommitOptions>;
}

/**
 * Up to 500 ops per push transaction (one request's worth), one such transaction at a time per
 * process: on PostgreSQL concurrent batches would only queue on the sequence counter, and the
 * requests that arrive while one commits make the next batch.
 */
export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxUnits: 500, maxInFlight: 1 };

/** What every part of the store shares: the engine, the time, and this process's hybrid logical clock. */
export class StoreContext {
  readonly now: () => number;
  readonly leaseMs: number;
  readonly onEvent: EventHook;
  /** Whether `onEvent` may do something with this event: a push batch then preloads what the follow-up rules read. */
  readonly hookWants: (event: HistoryEvent) => boolean;
  readonly groupCommit: GroupCommitOptions;
  private clock: Hlc;

  constructor(
    readonly engine: Engine,
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.onEvent = options.onEvent ?? (() => Promise.resolve());
    const hook = options.onEvent;
    this.hookWants = hook === undefined ? () => false : (hook.wants ?? (() => true));
    this.groupCommit = { ...DEFAULT_GROUP_COMMIT, ...options.groupCommit };
    this.clock = { wall: 0, counter: 0, node: options.nodeId ?? `srv-${randomUUID().slice(0, 8)}` };
  }

  /** A fresh clock for a write the server makes itself (imports). */
  tick(): string {
    this.clock = tick(this.clock, this.now());
    return encodeHlc(this.clock);
  }

  /** Takes in a console's clock; throws ClockSkewError when it runs too far ahead. */
  receive(encoded: string): void {
    this.clock = receive(this.clock, decodeHlc(encoded), this.now());
  }

  iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }
}
