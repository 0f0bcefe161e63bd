import { demoRecords, type DemoOptions } from '../electron/host/demo/generate';
import type { DemoRecord } from '../electron/host/demo/record';
import { hashPassword } from '../server/auth/passwords';
import type { Store } from '../server/store/store';

/**
 * The demo contact center on the sync server: one team with the console demo's customers, their
 * history and follow-up tasks (the same generator and ids as scripts/seed-demo.ts), and the
 * accounts to sign in with. Demo passwords only: a real center's admin makes real accounts.
 */
export const DEMO_TEAM = '演示组 Demo team';
export const DEMO_ACCOUNTS = [
  { username: '1001', password: 'huifang-1001', role: 'agent' },
  { username: '1002', password: 'huifang-1002', role: 'agent' },
  { username: 'sup', password: 'huifang-sup', role: 'supervisor' },
  { username: 'admin', password: 'huifang-admin', role: 'admin' },
] as const;

export interface ServerDemoStats {
  customers: number;
  events: number;
  tasks: number;
}

/** Records per transaction: the well-known 李秀英 alone brings 10,000 events. */
const BATCH = 2_000;

/** Seeds an empty server store; refuses one that already has accounts (never mixes a demo into real data). */
export async function seedServerDemo(store: Store, options: DemoOptions, onProgress?: (s: ServerDemoStats) => void): Promise<ServerDemoStats> {
  for (const { username } of DEMO_ACCOUNTS) {
    if (await store.findUser(username)) throw new Error(`the server already has a user "${username}": seed an empty database`);
  }
  const team = (await store.createTeam(DEMO_TEAM)).id;
  for (const account of DEMO_ACCOUNTS) {
    await store.createUser({ username: account.username, passwordHash: await hashPassword(account.password), role: account.role, teamId: account.role === 'admin' ? null : team });
  }
  const stats: ServerDemoStats = { customers: 0, events: 0, tasks: 0 };
  let batch: DemoRecord[] = [];
  const flush = async () => {
    await store.bulkSeed(
      team,
      batch.map((r) => ({ customer: r.customer, phones: r.phones })),
      batch.flatMap((r) => r.tasks),
      batch.flatMap((r) => r.events),
    );
    stats.customers += batch.length;
    stats.events += batch.reduce((n, r) => n + r.events.length, 0);
    stats.tasks += batch.reduce((n, r) => n + r.tasks.length, 0);
    batch = [];
    onProgress?.({ ...stats });
  };
  for (const record of demoRecords(options)) {
    batch.push(record);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return stats;
}
