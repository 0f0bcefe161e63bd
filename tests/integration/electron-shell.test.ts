import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Electron binary is not available here, so the shell is checked as built: esbuild bundles main
 * and preload exactly as for packaging, and both run in plain Node against a recording fake of
 * Electron's API (electron-shell/fake-electron.mjs). What the fake cannot tell — that Chromium
 * honours these settings — is left to the Electron e2e project where the binary exists.
 */
const root = path.resolve(import.meta.dirname, '../..');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
// Inside the repo (.tmp is ignored) so the bundle resolves better-sqlite3 from node_modules.
const work = mkdtempSync(path.join(root, '.tmp', 'electron-shell-'));
const dist = path.join(work, 'dist');

type Report = Record<string, unknown> & {
  webPreferences: Record<string, unknown>;
  page: { status: number; csp: string; type: string; body: string };
  permissions: Record<string, boolean>;
};
let report: Report;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--out', dist], { cwd: root, stdio: 'pipe' });
  mkdirSync(path.join(dist, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dist, 'renderer', 'assets', 'app.js'), 'export {}');
  const env: NodeJS.ProcessEnv = { ...process.env, FAKE_USER_DATA: work };
  delete env.HUIFANG_DB;
  delete env.HUIFANG_RENDERER_URL;
  const out = execFileSync(process.execPath, [path.join(import.meta.dirname, 'electron-shell', 'drive.mjs'), dist], { cwd: root, env, encoding: 'utf8' });
  report = JSON.parse(out) as Report;
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Electron shell (built bundles, fake Electron)', () => {
  it('starts without errors and keeps the database under userData', () => {
    expect(report.errors).toEqual([]);
    expect(report.exitCode).toBeNull();
    expect(existsSync(path.join(work, 'huifang.db'))).toBe(true);
  });

  it('opens one isolated, sandboxed window on app://huifang with the preload', () => {
    expect(report.windows).toBe(1);
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(report.webPreferences.preload).toBe(path.join(dist, 'electron', 'preload', 'index.cjs'));
    expect(report.loadedUrl).toBe('app://huifang/index.html');
  });

  it('registers app:// as a privileged scheme before ready', () => {
    expect(report.readyAtSchemeRegistration).toBe(false);
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }]);
  });

  it('serves the renderer with the CSP, JavaScript as JavaScript, and nothing outside it', () => {
    expect(report.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><div id="root"></div>' });
    expect(report.page.csp).toContain("script-src 'self';");
    expect(report.script).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(report.escape).toBe(404);
    expect(report.missing).toBe(404);
  });

  it('answers the page through the real preload and IPC, only from the app frame', () => {
    expect(report.exposed).toEqual(['huifang']);
    expect(report.bridgeKeys).toEqual(['invoke', 'subscribe']);
    expect(report.appInfo).toEqual({ ok: true, value: { version: '0.0.0-shell', mode: 'desktop', defaultRegion: 'CN', customers: 0 } });
    expect(report.badInput).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'limit' } });
    expect(report.foreignFrame).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('never opens windows or navigates away; https links go to the system browser', () => {
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.windowOpenFile).toEqual({ action: 'deny' });
    expect(report.openedExternally).toEqual(['https://example.com/help']);
    expect(report.navigateAwayPrevented).toBe(true);
    expect(report.navigateInsidePrevented).toBe(false);
  });

  it('grants the microphone to the app only, and nothing it does not need', () => {
    expect(report.permissions).toEqual({ microphoneForApp: true, microphoneForOthers: false, geolocationForApp: false });
  });

  it('focuses the running window on a second launch and unregisters IPC on quit', () => {
    expect(report.focusedOnSecondInstance).toBe(1);
    expect(report.ipcChannels).toEqual(['huifang:invoke']);
    expect(report.ipcChannelsAfterQuit).toEqual([]);
  });
});
