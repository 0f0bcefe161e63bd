import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules live in eslint.config.js and `npm test` runs lint before anything else, so a
 * broken rule fails the build. These tests write real files into the layers and lint them.
 */
const root = path.resolve(import.meta.dirname, '../..');

const PROBES = {
  sharedNode: ['shared', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
  rendererElectron: ['renderer', "import * as host from '../../electron/host/composition';\nexport const h = host;\n"],
  hostElectron: ['electron/host', "import { app } from 'electron';\nexport const a = app;\n"],
  serverRenderer: ['server', "import * as r from '../../renderer/main';\nexport const x = r;\n"],
  sharedClean: ['shared', "import { z } from 'zod';\nimport { Customer } from '../domain';\nexport const s = [z, Customer];\n"],
} as const;
type Probe = keyof typeof PROBES;

const dirs: string[] = [];
const results = new Map<Probe, string[]>();

// Every probe file exists before the first lint: typescript-eslint caches the TypeScript program
// per tsconfig, and a file created after that would not be part of it.
beforeAll(async () => {
  const files = new Map<Probe, string>();
  for (const [name, [dir, source]] of Object.entries(PROBES) as Array<[Probe, readonly [string, string]]>) {
    const probeDir = mkdtempSync(path.join(root, dir, '__layer_probe_'));
    dirs.push(probeDir);
    const file = path.join(probeDir, 'probe.ts');
    writeFileSync(file, source);
    files.set(name, file);
  }
  const eslint = new ESLint({ cwd: root });
  const linted = await eslint.lintFiles([...files.values()]);
  for (const [name, file] of files) {
    const messages = linted.find((r) => r.filePath === file)?.messages ?? [];
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${name}: lint could not parse the probe: ${fatal.message}`);
    results.set(name, messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
}, 120_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { force: true, recursive: true })));

describe('layer boundaries', () => {
  it('fail when shared/ imports node:fs', () => {
    expect(results.get('sharedNode')).toHaveLength(1);
    expect(results.get('sharedNode')?.[0]).toContain('shared/ is pure TypeScript');
  });

  it('fail when the renderer imports electron/', () => {
    expect(results.get('rendererElectron')).toHaveLength(1);
    expect(results.get('rendererElectron')?.[0]).toContain('only through the API contract');
  });

  it('fail when electron/host imports electron', () => {
    expect(results.get('hostElectron')?.[0]).toContain('only electron/main imports electron');
  });

  it('fail when server/ imports the renderer', () => {
    expect(results.get('serverRenderer')?.[0]).toContain('server/ imports shared/ only');
  });

  it('pass when shared/ imports its own rooms and zod', () => {
    expect(results.get('sharedClean')).toEqual([]);
  });
});
