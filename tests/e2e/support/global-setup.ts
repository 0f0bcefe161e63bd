import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { electronBinary, REPO_ROOT } from './paths';

/** Newest modification time under `dir` (skipping node_modules and dist). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Builds what the e2e suite runs, when it is missing or older than its sources: the renderer bundle
 * (served by web.ts, loaded by Electron) and, where Electron exists, the main/preload bundles.
 * E2E_NO_BUILD=1 skips it (a CI step that already built).
 */
export default function globalSetup(): void {
  if (process.env.E2E_NO_BUILD) return;
  const index = path.join(REPO_ROOT, 'dist/renderer/index.html');
  const sources = Math.max(newest(path.join(REPO_ROOT, 'renderer')), newest(path.join(REPO_ROOT, 'shared')), statSync(path.join(REPO_ROOT, 'vite.config.ts')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (electronBinary()) {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
