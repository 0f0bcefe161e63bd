// Bundles the Electron shell: main and preload, each into one CommonJS file.
//   node scripts/build-electron.mjs [--watch] [--out dist]
// electron is provided by the runtime; better-sqlite3 is a native addon that electron-builder rebuilds
// for Electron's ABI and unpacks from the asar. Everything else (zod, electron-updater, our code) is
// bundled, so the packaged app needs no other node_modules.
import { build, context } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
// --out lets tests build a throwaway copy; the app itself always uses dist/.
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1] ?? 'dist') : path.join(root, 'dist');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 39 ships Node 22.
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  { ...common, entryPoints: ['electron/main/index.ts'], outfile: path.join(out, 'electron/main/index.cjs'), external: ['electron', 'better-sqlite3'] },
  // A sandboxed preload may require only 'electron' (and a few Node built-ins we do not use): anything
  // else must be bundled in, which metafile checks below.
  { ...common, entryPoints: ['electron/preload/index.ts'], outfile: path.join(out, 'electron/preload/index.cjs'), external: ['electron'], metafile: true },
];

/** Fails the build when the preload would require anything but 'electron' at run time. */
function checkPreload(result) {
  const imports = Object.values(result.metafile?.outputs ?? {}).flatMap((output) => output.imports ?? []);
  const runtime = imports.filter((entry) => entry.external).map((entry) => entry.path);
  const forbidden = runtime.filter((name) => name !== 'electron');
  if (forbidden.length > 0) throw new Error(`the sandboxed preload may only require 'electron', but requires: ${forbidden.join(', ')}`);
}

if (watch) {
  for (const options of targets) {
    const ctx = await context(options);
    await ctx.watch();
  }
  console.log('build-electron: watching electron/main and electron/preload');
} else {
  const results = await Promise.all(targets.map((options) => build(options)));
  checkPreload(results[1]);
  console.log(`build-electron: ${path.relative(root, out) || '.'}/electron/main/index.cjs, …/electron/preload/index.cjs`);
}
