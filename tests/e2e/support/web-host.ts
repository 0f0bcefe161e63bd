import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants as fsConstants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TSX } from './paths';

export interface WebHostOptions {
  /** Demo customers to seed (scripts/seed-demo.ts, seed 42); 0 for an empty store. Default $E2E_DEMO_CUSTOMERS or 1000. */
  customers?: number;
  region?: string;
  /**
   * Pre-configure the softphone (web.ts --sip-*). The password reaches web.ts through
   * $HUIFANG_SIP_PASSWORD, as a user would pass it, never as a flag.
   */
  sip?: { wsUrl: string; domain: string; extension: string; password: string; displayName?: string; wrapUpSec?: number };
  /**
   * Start from a copy of this store instead of seeding one (the bench's cached demo databases);
   * `customers` then only labels the host.
   */
  copyDb?: string;
  /** Runs on the fresh store file before the host starts (a test's own records: customers, tasks…). */
  prepare?: (dbFile: string) => void | Promise<void>;
  /** Extra environment for web.ts (e.g. HUIFANG_FOLLOWUP_CONFIG). */
  env?: Record<string, string>;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/#token=… exactly as printed. */
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  /** How many demo customers the store was seeded with (0 when not seeded). */
  customers: number;
  /** What web.ts printed so far (attached to failing tests). */
  output(): string;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/**
 * A fresh web-mode host as a user starts it: a new data dir under .tmp/, the demo generator's data
 * (when scripts/seed-demo.ts exists), then `tsx electron/host/web.ts --port 0`, whose printed URL
 * carries the per-launch token.
 */
export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const wanted = options.customers ?? Number(process.env.E2E_DEMO_CUSTOMERS ?? 1_000);
  // Until the demo generator is in the tree, hosts start empty.
  const customers = options.copyDb || existsSync(path.join(REPO_ROOT, 'scripts/seed-demo.ts')) ? wanted : 0;
  mkdirSync(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  const dataDir = mkdtempSync(path.join(REPO_ROOT, '.tmp', 'e2e-web-'));
  const dbFile = path.join(dataDir, 'huifang.db');
  if (options.copyDb) {
    // A reflink where the file system can (instant even for the 2 GB 1M-customer store).
    copyFileSync(options.copyDb, dbFile, fsConstants.COPYFILE_FICLONE);
  } else if (customers > 0) {
    const seeded = spawnSync(TSX, ['scripts/seed-demo.ts', '--db', dbFile, '--customers', String(customers), '--seed', '42'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (seeded.status !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`seed-demo failed (${seeded.status}):\n${seeded.stderr}`);
    }
  }

  if (options.prepare) {
    try {
      await options.prepare(dbFile);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  const sip = options.sip;
  const sipArgs = sip
    ? [
        '--sip-ws', sip.wsUrl, '--sip-domain', sip.domain, '--sip-extension', sip.extension,
        ...(sip.displayName !== undefined ? ['--sip-display-name', sip.displayName] : []),
        ...(sip.wrapUpSec !== undefined ? ['--sip-wrap-up', String(sip.wrapUpSec)] : []),
      ]
    : [];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.HUIFANG_SIP_PASSWORD;
  if (sip) env.HUIFANG_SIP_PASSWORD = sip.password;
  const child = spawn(TSX, ['electron/host/web.ts', '--port', '0', '--db', dbFile, '--region', options.region ?? 'CN', ...sipArgs], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const close = async (): Promise<void> => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await printedUrl(child, () => output);
    const parsed = new URL(url);
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
    return { url, origin: parsed.origin, token, dbFile, customers, output: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function printedUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`web.ts printed no URL within ${START_TIMEOUT_MS} ms:\n${output()}`)), START_TIMEOUT_MS);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output());
      if (match) done(null, match[0]);
    };
    const exited = (code: number | null) => done(new Error(`web.ts exited (${code}) before printing its URL:\n${output()}`));
    function done(error: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve(url ?? '');
    }
    child.stdout?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
