import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// electron-builder's own loader and schema check (transitive dependencies of electron-builder).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';

const root = path.resolve(import.meta.dirname, '../..');
mkdirSync(path.join(root, '.tmp'), { recursive: true });

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and says what the brief asks', async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({
      appId: 'com.huifang.console',
      productName: 'Huifang',
      asar: true,
      asarUnpack: ['node_modules/better-sqlite3/**'],
      linux: { target: ['AppImage', 'deb'] },
      win: { target: 'nsis' },
      mac: { target: 'dmg', hardenedRuntime: true },
      publish: { provider: 'generic', url: expect.stringContaining('.invalid') as unknown },
    });
  });
});

/**
 * Packs the real dist/ into an unpacked app with a stand-in Electron (no download needed), then
 * looks inside: the shell, the renderer, better-sqlite3 unpacked without its C sources, nothing
 * else from node_modules, and the update feed overridable per build.
 */
describe('electron-builder --dir with a stand-in Electron', () => {
  const work = mkdtempSync(path.join(root, '.tmp', 'packaging-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs only what the app runs', { timeout: 180_000 }, () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'pipe' });
    const electronDist = path.join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n');
    chmodSync(path.join(electronDist, 'electron'), 0o755);
    writeFileSync(path.join(electronDist, 'LICENSE'), '');
    const out = path.join(work, 'release');
    const builder = path.join(root, 'node_modules/.bin/electron-builder');
    execFileSync(
      builder,
      ['--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`, '-c.publish.url=https://updates.example.test/huifang'],
      { cwd: root, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    const resources = path.join(out, 'linux-unpacked', 'resources');
    const asar = path.join(root, 'node_modules/.bin/asar');
    const files = execFileSync(asar, ['list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).split('\n').filter(Boolean);

    expect(files).toContain('/dist/electron/main/index.cjs');
    expect(files).toContain('/dist/electron/preload/index.cjs');
    if (existsSync(path.join(root, 'dist/renderer/index.html'))) expect(files).toContain('/dist/renderer/index.html');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const modules = new Set(files.filter((f) => /^\/node_modules\/[^/]+$/.test(f)));
    expect([...modules].sort()).toEqual(['/node_modules/better-sqlite3', '/node_modules/bindings', '/node_modules/file-uri-to-path']);
    expect(existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/deps'))).toBe(false);
    expect(readFileSync(path.join(resources, 'app-update.yml'), 'utf8')).toContain('url: https://updates.example.test/huifang');
  });
});
