import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileBox } from './keyfile-box';

describe('keyFileBox', () => {
  it('round-trips a password and never stores it in plain text', () => {
    const box = keyFileBox(path.join(mkdtempSync(path.join(tmpdir(), 'hf-key-')), 'secret.key'));
    const sealed = box.seal('pass1001-秘密');
    expect(sealed.toString('utf8')).not.toContain('pass1001');
    expect(box.open(sealed)).toBe('pass1001-秘密');
  });

  it('keeps the key file private to the user and reuses it across launches', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hf-key-')), 'secret.key');
    const sealed = keyFileBox(file).seal('s3cret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFileBox(file).open(sealed)).toBe('s3cret');
  });

  it('refuses ciphertext sealed with another key instead of returning garbage', () => {
    const sealed = keyFileBox(null).seal('s3cret');
    expect(() => keyFileBox(null).open(sealed)).toThrow();
  });
});
