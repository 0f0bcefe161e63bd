/**
 * The console's end-to-end suite: `npx playwright test`.
 *   web       — the web-mode console in Debian's Chromium, one fresh host (web.ts + seeded demo db) per
 *               spec file (tests/e2e/support/web-host.ts)
 *   electron  — the desktop app through Playwright's Electron driver; skips where the Electron binary
 *               is not installed
 * The SIP rig suite in tests/e2e/rig has its own config (tests/rigs/playwright.rig.config.ts).
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// No sandbox: CI runs as root. The rest keeps Chromium from phoning home (traffic stays on 127.0.0.1).
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each spec file starts its own host; two cores are shared with everything else.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e/junit.xml' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testIgnore: ['rig/**', 'electron/**'],
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        viewport: { width: 1360, height: 860 },
        locale: 'zh-CN',
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
