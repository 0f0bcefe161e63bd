/**
 * Playwright config of the SIP rig suite (tests/e2e/rig): Kamailio + customer phones, real audio.
 * Run it in a loopback-only network namespace (one command):
 *
 *   bash scripts/rig-test.sh
 *   # = bash tests/rigs/netns/run-in-netns.sh npx playwright test -c tests/rigs/playwright.rig.config.ts
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './customer-phone/driver';

export default defineConfig({
  testDir: '../e2e/rig',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/rig',
  // Refuse to run outside the netns; build the console's renderer when stale (the softphone specs
  // serve it through web.ts, like tests/e2e).
  globalSetup: ['./netns/require-netns.ts', '../e2e/support/global-setup.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Each worker has its own Kamailio (own ports); two Chromiums per call on 2 shared cores.
  workers: Number(process.env.RIG_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: '../../test-results/rig/junit.xml' }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    permissions: ['microphone'],
    trace: 'retain-on-failure',
  },
});
