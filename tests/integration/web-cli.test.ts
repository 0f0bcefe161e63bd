import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/api/client';
import { bridgeUrl, tokenFromFragment } from '../../renderer/api/bridge-url';
import { createWsTransport } from '../../renderer/api/ws-transport';
import { wsWithOrigin } from './transports/ws-rig';

/** web.ts as a user runs it: a child process, judged by what it prints and how it exits. */
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'huifang-web-cli-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Huifang</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  // node with tsx's loader, not the tsx CLI: the CLI relays SIGTERM only after its child reports a
  // handler over IPC, and on a loaded machine it gave up waiting and exited 143 itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/web.ts', '--renderer', dir, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function printedUrl(started: Run): Promise<URL> {
  for (let i = 0; i < 800; i++) {
    const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(started.output());
    if (match) return new URL(match[0]);
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`web.ts printed no URL:\n${started.output()}`);
}

describe('tsx electron/host/web.ts', { timeout: 60_000 }, () => {
  it('starts a real host, prints the URL with the token, answers through the bridge, and stops cleanly', async () => {
    const started = run(['--port', '0', '--db', path.join(dir, 'data', 'huifang.db'), '--region', 'CN']);
    try {
      const url = await printedUrl(started);
      const page = await fetch(new URL('/', url));
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const token = tokenFromFragment(url.hash) ?? '';
      const transport = createWsTransport({ url: bridgeUrl(url, token), WebSocket: wsWithOrigin(url.origin), callTimeoutMs: 5_000 });
      try {
        await expect(createClient(transport).api.appInfo({})).resolves.toMatchObject({ mode: 'web', defaultRegion: 'CN', customers: 0 });
      } finally {
        transport.close();
      }
    } finally {
      started.child.kill('SIGTERM');
    }
    await expect(started.exited).resolves.toBe(0);
  });

  it('starts working offline when the sync server it should sign in to is not there, and offers that server in the sign-in', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const server = `http://127.0.0.1:${port}`;
    const started = run(['--port', '0', '--db', ':memory:', '--sync-server', server, '--sync-user', '1001'], { HUIFANG_SYNC_PASSWORD: 'huifang-1001' });
    try {
      const url = await printedUrl(started);
      expect(started.output()).toContain(`sync: could not sign in as 1001 at ${server}`);
      expect(started.output()).not.toContain('huifang-1001');
      const token = tokenFromFragment(url.hash) ?? '';
      const transport = createWsTransport({ url: bridgeUrl(url, token), WebSocket: wsWithOrigin(url.origin), callTimeoutMs: 5_000 });
      try {
        await expect(createClient(transport).api.syncStatus({})).resolves.toMatchObject({ state: 'signed_out', server });
      } finally {
        transport.close();
      }
    } finally {
      started.child.kill('SIGTERM');
    }
    await expect(started.exited).resolves.toBe(0);
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const started = run(['--port', String(port), '--db', ':memory:']);
      await expect(started.exited).resolves.toBe(1);
      expect(started.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      holder.close();
    }
  });

  it('exits 1 with a clear message when the database cannot be opened', async () => {
    const notADb = path.join(dir, 'not-a-db.sqlite');
    writeFileSync(notADb, 'this is a text file, not SQLite '.repeat(200));
    const started = run(['--port', '0', '--db', notADb]);
    await expect(started.exited).resolves.toBe(1);
    expect(started.output()).toContain(`cannot open the database at ${notADb}`);
  });

  it('exits 2 naming a bad option', async () => {
    const started = run(['--port', 'eighty']);
    await expect(started.exited).resolves.toBe(2);
    expect(started.output()).toContain('--port: expected a number');
    expect(started.output()).toContain('usage:');
  });
});
