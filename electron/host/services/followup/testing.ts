import { ApiFailure } from '../../../../shared/api';
import type { SyncState } from '../../../../shared/api/sync';
import type { Customer, FollowUpTask } from '../../../../shared/domain';
import type { ClaimResponse } from '../../../../shared/sync';
import { createHost, type Host } from '../../composition';
import { createStores, type NewPhone, type Stores } from '../../db';
import { aCustomer, aTask } from '../../db/test-fixtures';
import { followUpConfig } from './config';
import { followUpService, type FollowUpService, type FollowUpSync } from './service';

/** Wednesday 2026-11-25 11:00 in Shanghai (window open), 22:00 Tuesday in New York (closed), 19:00 in Los Angeles (open). */
export const NOW = '2026-11-25T03:00:00.000Z';
export const hours = (h: number, from = NOW) => new Date(Date.parse(from) + h * 3_600_000).toISOString();

export interface World {
  host: Host;
  stores: Stores;
  service: FollowUpService;
  sync: FakeSync;
  clock: { now: number };
  customer(id: string, fields?: Partial<Customer>, phones?: readonly (string | NewPhone)[]): Customer;
  task(id: string, customerId: string, fields?: Partial<FollowUpTask>): FollowUpTask;
  close(): void;
}

export interface FakeSync {
  state: SyncState;
  /** Claims the fake server answers, by task id; default: granted to "u-me". */
  claims: Map<string, ClaimResponse | 'unreachable'>;
  claimed: string[];
}

/**
 * A console over an in-memory store with the follow-up service on a fake server connection: the
 * test sets the sync state and what claims answer; writes go through the real local write path
 * (history, task state, outbox) of a real host.
 */
export function followUpWorld(options: { config?: unknown; state?: SyncState; extension?: string | null } = {}): World {
  const clock = { now: Date.parse(NOW) };
  const host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: 'test', sync: { autoStart: false }, followUp: { now: () => clock.now } });
  const stores = createStores(host.db, { defaultRegion: 'CN' });
  const fake: FakeSync = { state: options.state ?? 'signed_out', claims: new Map(), claimed: [] };
  const port: FollowUpSync = {
    state: () => fake.state,
    session: () => (fake.state === 'signed_out' ? null : { userId: 'u-me', username: 'lina' }),
    claim: (taskId) => {
      fake.claimed.push(taskId);
      const answer = fake.claims.get(taskId);
      if (answer === 'unreachable') return Promise.reject(new ApiFailure('unavailable', 'the server is not reachable; tasks can be claimed only online'));
      const granted: ClaimResponse = answer ?? { granted: true, taskId, lease: { holder: 'u-me', leaseUntil: hours(8, new Date(clock.now).toISOString()), epoch: 1 }, renewed: false };
      if (granted.granted) host.sync.replica.setLease(taskId, { holder: granted.lease.holder, leaseUntil: granted.lease.leaseUntil === null ? null : Date.parse(granted.lease.leaseUntil), epoch: granted.lease.epoch });
      return Promise.resolve(granted);
    },
    writes: host.sync.writes,
    clientId: () => 'console-test',
  };
  const service = followUpService({
    db: host.db,
    stores,
    config: followUpConfig(options.config, 'CN'),
    sync: port,
    softphone: () => ({ extension: options.extension === undefined ? '1001' : options.extension, displayName: '小李' }),
    now: () => clock.now,
  });
  return {
    host,
    stores,
    service,
    sync: fake,
    clock,
    customer(id, fields = {}, phones = ['+8613800138000']) {
      const c = aCustomer(id, fields.name ?? id, fields);
      stores.customers.insert(
        c,
        phones.map((p, i) => (typeof p === 'string' ? { e164: p, label: 'mobile', isPrimary: i === 0 } : p)),
      );
      return c;
    },
    task(id, customerId, fields = {}) {
      const t = aTask(id, customerId, { dueAt: hours(-1), slaAt: hours(47), surveyId: 'csat-delivery', scriptId: 'satisfaction-v1', ...fields });
      stores.tasks.insert(t);
      return t;
    },
    close: () => host.close(),
  };
}
