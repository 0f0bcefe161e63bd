/**
 * web.ts pre-configured as an agent (the demo's and the rig suite's start): the softphone settings
 * are saved, the page may reach the SIP WebSocket, and the password is sealed — not in the store's
 * files, not in what web.ts prints, not on its command line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from './composition';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PASSWORD = 'S3cret-坐席-pass1001';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function runWeb(args: string[], env: Record<string, string>): Promise<{ output: string; url: string | null; csp: string | null; code: number | null; cmdline: string }> {
  const child = spawn(TSX, ['electron/host/web.ts', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string | null>((resolve) => {
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout.on('data', check);
    void exited.then(() => resolve(null));
  });
  let csp: string | null = null;
  let cmdline = '';
  if (url) {
    cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    csp = (await fetch(new URL(url).origin)).headers.get('content-security-policy');
    child.kill('SIGTERM');
  }
  return { output, url, csp, code: await exited, cmdline };
}

describe('web.ts --sip-*', () => {
  it('saves the softphone settings, seals the password and lets the page reach the SIP WebSocket', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hf-web-sip-'));
    const rendererDir = path.join(dir, 'renderer');
    const db = path.join(dir, 'data', 'huifang.db');
    mkdirRenderer(rendererDir);
    const sipArgs = ['--db', db, '--renderer', rendererDir, '--sip-ws', 'ws://127.0.0.1:18088', '--sip-domain', 'huifang.test', '--sip-extension', '1001', '--sip-display-name', '坐席一', '--sip-wrap-up', '30'];
    const run = await runWeb(sipArgs, { HUIFANG_SIP_PASSWORD: PASSWORD });

    expect(run.url, run.output).not.toBeNull();
    expect(run.code).toBe(0);
    expect(run.output).toContain('softphone: sip:1001@huifang.test via ws://127.0.0.1:18088, password stored (sealed)');
    expect(run.csp).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:18088/);
    // Nowhere in plain text: not printed, not on the command line, not in any file of the store.
    expect(run.output).not.toContain(PASSWORD);
    expect(run.cmdline).not.toContain(PASSWORD);
    const files = readdirSync(path.dirname(db));
    expect(files).toContain('huifang.db');
    for (const file of files) {
      const bytes = readFileSync(path.join(path.dirname(db), file));
      expect(bytes.includes(Buffer.from(PASSWORD)), file).toBe(false);
      expect(bytes.includes(Buffer.from('S3cret')), file).toBe(false);
    }

    // The console finds the settings, and the password opens for the softphone alone.
    const host = createHost({ dbFile: db, defaultRegion: 'CN', mode: 'web', version: 'test' });
    try {
      expect(await host.handlers.getSoftphoneSettings({})).toEqual({
        settings: { wsUrl: 'ws://127.0.0.1:18088', domain: 'huifang.test', extension: '1001', authorizationUsername: '1001', displayName: '坐席一', wrapUpLimitSec: 30, whenNotAvailable: 'busy', callWaiting: true },
        password: 'stored',
      });
      expect(await host.handlers.softphoneCredentials({})).toEqual({ password: PASSWORD });
    } finally {
      host.close();
    }

    // A restart without the password keeps the stored one.
    const again = await runWeb(sipArgs.filter((a) => a !== '--sip-wrap-up' && a !== '30'), {});
    expect(again.output).toContain('password stored (sealed)');
    const reopened = createHost({ dbFile: db, defaultRegion: 'CN', mode: 'web', version: 'test' });
    try {
      expect(await reopened.handlers.softphoneCredentials({})).toEqual({ password: PASSWORD });
      expect((await reopened.handlers.getSoftphoneSettings({})).settings?.wrapUpLimitSec).toBe(30);
    } finally {
      reopened.close();
    }
  });

  it('refuses a password flag before it opens anything, without repeating it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hf-web-sip-'));
    const db = path.join(dir, 'huifang.db');
    const run = await runWeb(['--db', db, '--sip-password', PASSWORD], {});
    expect(run.code).toBe(2);
    expect(run.output).toContain('--sip-password: not accepted on the command line');
    expect(run.output).not.toContain(PASSWORD);
    expect(existsSync(db)).toBe(false);
  });
});

function mkdirRenderer(rendererDir: string): void {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>stub</title>');
}
