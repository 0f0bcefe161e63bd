import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer rules live in eslint.config.js and `npm test` runs lint before anything else, so a
 * broken rule fails the build. These tests write real files into the layers and lint them.
 */
const root = path.resolve(import.meta.dirname, '../..');
const written: string[] = [];
afterAll(() => written.forEach((f) => rmSync(f, { force: true, recursive: true })));

async function lintProbe(relativeDir: string, source: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(root, relativeDir, '__layer_probe_'));
  written.push(dir);
  const file = path.join(dir, 'probe.ts');
  writeFileSync(file, source);
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('fail when shared/ imports node:fs', async () => {
    const errors = await lintProbe('shared', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shared/ is pure TypeScript');
  });

  it('fail when the renderer imports electron/', async () => {
    const errors = await lintProbe('renderer', "import * as host from '../../electron/host/composition';\nexport const h = host;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only through the API contract');
  });

  it('fail when electron/host imports electron', async () => {
    const errors = await lintProbe('electron/host', "import { app } from 'electron';\nexport const a = app;\n");
    expect(errors[0]).toContain('only electron/main imports electron');
  });

  it('fail when server/ imports the renderer', async () => {
    const errors = await lintProbe('server', "import * as r from '../../renderer/main';\nexport const x = r;\n");
    expect(errors[0]).toContain('server/ imports shared/ only');
  });

  it('pass when shared/ imports its own rooms and zod', async () => {
    const errors = await lintProbe('shared', "import { z } from 'zod';\nimport { Customer } from '../domain';\nexport const s = [z, Customer];\n");
    expect(errors).toEqual([]);
  });
});
