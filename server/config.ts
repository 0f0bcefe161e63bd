import { parseArgs } from 'node:util';

export interface ServerConfig {
  store: { sqlite: string } | { postgres: string };
  host: string;
  port: number;
  leaseMs: number;
  secretFile: string | null;
  admin: { username: string; password: string } | null;
  logger: boolean;
  /** Follow-up rules document (docs/followup.md); null = the built-in rules. */
  rulesFile: string | null;
  /** How often the time-based follow-up rules run; 0 = never. */
  sweepMs: number;
}

export const USAGE = `tsx server/main.ts [--db .data/server.db | --pg postgres://…] [--port 8787] [--host 127.0.0.1]
  [--lease-hours 8] [--secret-file file] [--admin-user admin] [--rules rules.json] [--sweep-minutes 60]  (HUIFANG_ADMIN_PASSWORD: password for a first admin)
  HUIFANG_SECRET: token signing key (hex, 32+ bytes); required with --pg so all processes share it.`;

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      pg: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'lease-hours': { type: 'string', default: '8' },
      'secret-file': { type: 'string' },
      'admin-user': { type: 'string', default: 'admin' },
      quiet: { type: 'boolean', default: false },
      rules: { type: 'string' },
      'sweep-minutes': { type: 'string', default: '60' },
    },
    strict: true,
  });
  if (values.db && values.pg) throw new Error('--db and --pg exclude each other');
  const port = Number(values.port);
  const leaseHours = Number(values['lease-hours']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port} is not a port`);
  if (!(leaseHours > 0 && leaseHours <= 72)) throw new Error(`--lease-hours: ${values['lease-hours']} must be between 0 and 72`);
  const sweepMinutes = Number(values['sweep-minutes']);
  if (!(sweepMinutes >= 0 && sweepMinutes <= 24 * 60)) throw new Error(`--sweep-minutes: ${values['sweep-minutes']} must be between 0 (off) and 1440`);
  const password = env.HUIFANG_ADMIN_PASSWORD;
  return {
    store: values.pg ? { postgres: values.pg } : { sqlite: values.db ?? '.data/server.db' },
    host: values.host,
    port,
    leaseMs: leaseHours * 3_600_000,
    secretFile: values['secret-file'] ?? null,
    admin: password ? { username: values['admin-user'], password } : null,
    logger: !values.quiet,
    rulesFile: values.rules ?? null,
    sweepMs: sweepMinutes * 60_000,
  };
}
