import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { hashPassword } from './auth/passwords';
import { USAGE, readConfig, type ServerConfig } from './config';
import { loadFollowUpConfig } from './followup/config';
import { followUpOnEvents } from './followup/events';
import { startSweeper } from './followup/sweep';
import { openStore } from './store/open';
import type { Store } from './store/store';

/**
 * The server entry: `tsx server/main.ts --db .data/server.db` (zero setup) or `--pg postgres://…`
 * (several processes may share one database). Prints `listening on http://host:port` when ready.
 */
function loadSecret(config: ServerConfig): Buffer {
  const fromEnv = process.env.HUIFANG_SECRET;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'hex');
    if (key.length < 32) throw new Error('HUIFANG_SECRET must be at least 32 bytes of hex');
    return key;
  }
  // With SQLite the key lives next to the database; PostgreSQL processes must be given one key.
  const file = config.secretFile ?? ('sqlite' in config.store ? `${config.store.sqlite}.secret` : null);
  if (!file) throw new Error('with --pg give HUIFANG_SECRET or --secret-file, the same for every server process');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

async function bootstrapAdmin(store: Store, admin: ServerConfig['admin']): Promise<void> {
  if (!admin || (await store.findUser(admin.username))) return;
  if (admin.password.length < 10) throw new Error('HUIFANG_ADMIN_PASSWORD: at least 10 characters');
  await store.createUser({ username: admin.username, passwordHash: await hashPassword(admin.password), role: 'admin', teamId: null }).catch((e: unknown) => {
    // Another process created it at the same moment: fine.
    if (!(e instanceof Error && 'code' in e && e.code === 'conflict')) throw e;
  });
  console.log(`created admin user "${admin.username}"`);
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if ('sqlite' in config.store) mkdirSync(path.dirname(path.resolve(config.store.sqlite)), { recursive: true });
  const followUp = loadFollowUpConfig(config.rulesFile);
  const store = await openStore(config.store, { leaseMs: config.leaseMs, onEvent: followUpOnEvents(followUp) });
  await bootstrapAdmin(store, config.admin);
  const { app } = await buildApp({ store, secret: loadSecret(config), logger: config.logger });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`listening on ${address} (${store.kind})`);
  const stopSweeper = config.sweepMs > 0 ? startSweeper(() => store.sweepFollowUps(followUp), { intervalMs: config.sweepMs, log: (m) => console.log(m) }) : () => undefined;
  const stop = () => {
    stopSweeper();
    void app
      .close()
      .then(() => store.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
