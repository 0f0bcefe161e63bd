/**
 * Web mode: the same host and the same renderer bundle as the desktop app, without Electron.
 *   tsx electron/host/web.ts --port 5170 --db .data/huifang.db --region CN
 * Prints the URL to open (with the per-launch token in its fragment). Exit codes: 0 after
 * SIGINT/SIGTERM, 2 for a bad command line or a bad follow-up settings file (every bad field
 * listed), 1 when the db, the port or the bundle is not usable.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { ConfigError } from '../../shared/followup/config-error';
import { createHost, type Host } from './composition';
import { configFileFrom } from './services/followup/config';
import { applySipPreset, describeSipState } from './sip-preset';
import { createToken } from './transports/token';
import { applySyncPreset } from './sync-preset';
import { parseWebArgs, SIP_PASSWORD_ENV, SYNC_PASSWORD_ENV, WEB_USAGE, type WebArgs } from './web-args';
import { startWebServer, type ViteMiddleware, type WebServer } from './web-server';

const root = path.resolve(import.meta.dirname, '../..');

function fail(message: string, code: number): never {
  console.error(`huifang web: ${message}`);
  process.exit(code);
}

function openHost(args: WebArgs): Host {
  const configFile = configFileFrom({ flag: args.followUpConfig, env: process.env, platform: process.platform, exists: existsSync });
  try {
    if (args.db !== ':memory:') mkdirSync(path.dirname(path.resolve(args.db)), { recursive: true });
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    // The sign-in dialog offers the --sync-server address when the sign-in on start did not go through.
    const host = createHost({ dbFile: args.db, defaultRegion: args.region, mode: 'web', version, followUp: { configFile }, ...(args.sync ? { serverUrl: args.sync.server } : {}) });
    if (configFile !== null) console.log(`follow-up settings: ${configFile}`);
    return host;
  } catch (error) {
    if (error instanceof ConfigError) return fail(`${error.message}${error.errors.length > 1 ? `\n${error.errors.slice(1).map((e) => `  ${e.field || '(document)'}: ${e.message}`).join('\n')}` : ''}`, 2);
    return fail(`cannot open the database at ${args.db}: ${(error as Error).message}`, 1);
  }
}

async function createVite(server: Server): Promise<ViteMiddleware> {
  const { createServer } = await import('vite');
  // Middleware mode on our own server: one port, one origin, so the bridge's origin check holds in dev too.
  // vite.config.ts decides the renderer root; only the server part is overridden here.
  return createServer({ configFile: path.join(root, 'vite.config.ts'), server: { middlewareMode: true, ws: { server } }, appType: 'spa' });
}

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2), process.env);
  } catch (error) {
    return fail(`${(error as Error).message}\n${WEB_USAGE}`, 2);
  } finally {
    // Read once; no child process (Vite, a plugin) inherits the SIP or sync password.
    delete process.env[SIP_PASSWORD_ENV];
    delete process.env[SYNC_PASSWORD_ENV];
  }
  const host = openHost(args);
  if (args.sip) {
    try {
      console.log(describeSipState(await applySipPreset(host.handlers, args.sip)));
    } catch (error) {
      host.close();
      return fail((error as Error).message, 2);
    }
  }
  let server: WebServer;
  try {
    server = await startWebServer({
      handlers: host.handlers,
      events: host.events,
      token: createToken(),
      port: args.port,
      rendererDir: path.resolve(root, args.rendererDir),
      ...(args.connectSrc ? { connectSrc: args.connectSrc } : {}),
      extraOrigins: args.allowOrigins,
      ...(args.dev ? { dev: { createVite } } : {}),
      dispatchOptions: {
        // In dev a handler returning the wrong shape is a bug to see at once; in use it costs a parse per reply.
        checkOutput: args.dev,
        onInternalError: (method, error) => console.error(`huifang web: ${method} failed:`, error),
      },
    });
  } catch (error) {
    host.close();
    return fail((error as Error).message, 1);
  }
  // After the page is served: a first sign-in pulls the team's data, and the page shows its progress.
  if (args.sync) console.log(await applySyncPreset(host.handlers, args.sync));
  console.log(`Huifang console (web mode, ${args.db}): ${server.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .catch((error: unknown) => console.error('huifang web: error while closing:', error))
      .finally(() => {
        host.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
