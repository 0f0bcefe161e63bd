import path from 'node:path';

/**
 * The desktop app serves its renderer from `app://huifang/…` instead of file://: a real origin for the
 * IPC sender check and the CSP, and a response we control (headers included). This file is the pure
 * part — URL → file inside the bundle — so it is tested without Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'huifang';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The file an app:// URL names inside `rendererDir`, or null for anything outside it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || pathname.includes('\0')) return null;
  // Client-side routes (/queue, /customer/42) load the page; anything with an extension is a file.
  if (pathname === '/' || path.posix.extname(pathname) === '') pathname = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused without a JavaScript content type, so it is set here, not guessed by Chromium. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
