import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

/** The Electron binary, or null where it was never downloaded (node_modules/electron/path.txt missing). */
export function electronBinary(): string | null {
  const dir = path.join(REPO_ROOT, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING = 'Electron binary not installed: run node node_modules/electron/install.js where downloads are allowed';
