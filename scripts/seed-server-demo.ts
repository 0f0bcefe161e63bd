/**
 * Makes a demo sync server database: `tsx scripts/seed-server-demo.ts --db .data/server.db --customers 10000 --seed 42`
 * (or `--pg postgres://…`). The same customers as scripts/seed-demo.ts, in one team, with the
 * accounts in scripts/server-demo.ts; consoles signing in load them from the server. The demo's
 * "now" is today (`--anchor 2026-11-20` for a fixed one): a server is seeded once and then runs,
 * its follow-up rules on the real clock, so its tasks are due around the day it is shown.
 */
import { parseArgs } from 'node:util';
import { openStore } from '../server/store/open';
import { MAX_CUSTOMERS, MIN_CUSTOMERS, anchor, failer, integer } from './demo-cli';
import { DEMO_ACCOUNTS, seedServerDemo } from './server-demo';

const fail = failer('seed-server-demo');

const { values } = (() => {
  try {
    return parseArgs({ options: { db: { type: 'string' }, pg: { type: 'string' }, customers: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, anchor: { type: 'string' } }, strict: true });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
if (values.db && values.pg) fail('--db and --pg exclude each other');
const customers = integer(fail, 'customers', values.customers, MIN_CUSTOMERS, MAX_CUSTOMERS);
const seed = integer(fail, 'seed', values.seed, 0, 2 ** 32 - 1);
const today = new Date();
const anchorMs = anchor(fail, values.anchor) ?? Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());

const where = values.pg ? { postgres: values.pg } : { sqlite: values.db ?? '.data/server.db' };
const store = await openStore(where);
try {
  const started = performance.now();
  const stats = await seedServerDemo(store, { customers, seed, anchorMs }, (s) => {
    if (s.customers % 100_000 === 0) process.stderr.write(`  ${s.customers.toLocaleString('en-US')} customers…\n`);
  });
  process.stderr.write(
    `Seeded the server (${'sqlite' in where ? where.sqlite : 'PostgreSQL'}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${stats.customers.toLocaleString('en-US')} customers, ${stats.events.toLocaleString('en-US')} events, ${stats.tasks.toLocaleString('en-US')} tasks.\n` +
      `Accounts: ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}\n`,
  );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await store.close();
}
