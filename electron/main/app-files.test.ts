import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from './app-files';

const dir = path.resolve('/opt/huifang/resources/app.asar/dist/renderer');

describe('app:// files', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://huifang/index.html')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://huifang/assets/index-abc123.js?v=1')).toBe(path.join(dir, 'assets', 'index-abc123.js'));
    expect(resolveAppFile(dir, 'app://huifang/')).toBe(path.join(dir, 'index.html'));
  });

  it('loads the page for client-side routes', () => {
    expect(resolveAppFile(dir, 'app://huifang/customer/42')).toBe(path.join(dir, 'index.html'));
  });

  it('never leaves the renderer folder or serves another host', () => {
    // The URL parser folds %2e%2e segments at the root: this stays inside the folder (and does not exist).
    expect(resolveAppFile(dir, 'app://huifang/%2e%2e/%2e%2e/main/index.cjs')).toBe(path.join(dir, 'main', 'index.cjs'));
    expect(resolveAppFile(dir, 'app://huifang/..%2F..%2Fpackage.json')).toBeNull();
    expect(resolveAppFile(dir, 'app://huifang/a%00.js')).toBeNull();
    expect(resolveAppFile(dir, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(dir, 'app://huifang/%E0%A4%A')).toBeNull();
  });

  it('names JavaScript as JavaScript, so module scripts run', () => {
    expect(contentTypeOf('/x/assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});
