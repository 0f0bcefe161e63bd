/**
 * Smoke test of the desktop app through Playwright's Electron driver. Where the Electron binary is
 * not installed (this project's CI machines cannot download it) the whole file skips, saying so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_MISSING, electronBinary, REPO_ROOT } from '../support/paths';

const binary = electronBinary();
test.skip(binary === null, ELECTRON_MISSING);

test('the desktop console opens and its bridge answers appInfo', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'huifang-e2e-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    // Root in CI: Chromium's sandbox needs an unprivileged user.
    args: ['--no-sandbox', REPO_ROOT],
    env: { ...process.env, HUIFANG_DB: path.join(dataDir, 'huifang.db') },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Huifang/);
    expect(window.url()).toBe('app://huifang/index.html');
    const reply = await window.evaluate(() => {
      const bridge = (globalThis as unknown as { huifang: { invoke(method: string, payload: unknown): Promise<unknown> } }).huifang;
      return bridge.invoke('appInfo', {});
    });
    expect(reply).toMatchObject({ ok: true, value: { mode: 'desktop' } });
    // Nothing of Node reaches the page.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
