import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/host/web-server';
import { createToken } from '../../electron/host/transports/token';
import { createClient } from '../../renderer/api/client';
import { bridgeUrl, tokenFromFragment } from '../../renderer/api/bridge-url';
import { createWsTransport } from '../../renderer/api/ws-transport';
import { createFakeHost } from './transports/fake-host';
import { wsWithOrigin } from './transports/ws-rig';

/** GET with a chosen Host header (fetch will not let us forge one). */
function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web-mode server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huifang-renderer-'));
  let server: WebServer;
  const token = createToken();
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Huifang</title><div id="root"></div><script type="module" src="./assets/app.js"></script>');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
    const host = createFakeHost();
    server = await startWebServer({ handlers: host.handlers, events: host.events, token, port: 0, rendererDir: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a 127.0.0.1 URL carrying the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
    expect(tokenFromFragment(new URL(server.url).hash)).toBe(token);
  });

  it('serves the renderer with a CSP and no-cache on the page', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await get(server.port, '/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('answers client-side routes with the page, and missing files with 404', async () => {
    expect((await get(server.port, '/queue', { accept: 'text/html' })).body).toContain('<div id="root">');
    expect((await get(server.port, '/assets/missing.js')).status).toBe(404);
    expect((await get(server.port, '/../../etc/passwd')).body).not.toContain('root:');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const res = await get(server.port, '/', { host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
  });

  it('carries the bridge on the same port, for the page’s own origin', async () => {
    const page = new URL(server.url);
    const transport = createWsTransport({ url: bridgeUrl(page, token), WebSocket: wsWithOrigin(page.origin), callTimeoutMs: 3_000 });
    try {
      await expect(createClient(transport).api.appInfo({})).resolves.toMatchObject({ mode: 'web' });
    } finally {
      transport.close();
    }
  });

  it('refuses the bridge to other origins unless allowed (Vite dev server)', async () => {
    const host = createFakeHost();
    const other = await startWebServer({ handlers: host.handlers, events: host.events, token, port: 0, rendererDir: dir, extraOrigins: ['http://127.0.0.1:5173'] });
    const page = new URL(other.url);
    const call = async (origin: string) => {
      const transport = createWsTransport({ url: bridgeUrl(page, token), WebSocket: wsWithOrigin(origin), callTimeoutMs: 1_000 });
      try {
        return await transport.invoke('appInfo', {});
      } finally {
        transport.close();
      }
    };
    try {
      await expect(call('http://127.0.0.1:5173')).resolves.toMatchObject({ ok: true });
      await expect(call(`http://localhost:${other.port}`)).resolves.toMatchObject({ ok: true });
      await expect(call('http://127.0.0.1:5174')).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await other.close();
    }
  });

  it('says clearly when the port is taken', async () => {
    const host = createFakeHost();
    await expect(startWebServer({ handlers: host.handlers, events: host.events, token, port: server.port, rendererDir: dir })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use`,
    );
  });

  it('says clearly when the renderer was not built', async () => {
    const host = createFakeHost();
    await expect(startWebServer({ handlers: host.handlers, events: host.events, token, port: 0, rendererDir: path.join(dir, 'nope') })).rejects.toThrow(/renderer bundle is missing/);
  });
});
