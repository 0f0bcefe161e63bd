/**
 * Smoke test of web mode: the console page loads from web.ts under its CSP and renders, and the
 * bridge answers appInfo over a real browser WebSocket (so the Origin and token checks are the ones
 * a browser meets); a page of another origin is refused.
 */
import { test, expect } from '../support/fixtures';

/** The browser side of a bridge call, written against structural types (this file has no DOM lib). */
interface BrowserSocket {
  onopen: (() => void) | null;
  onmessage: ((event: { data: string }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(data: string): void;
  close(): void;
}
type Answer = { opened: false; code: number } | { opened: true; reply: unknown };

function callBridge(target: { bridgeUrl: string; method: string }): Promise<Answer> {
  const WebSocketCtor = (globalThis as unknown as { WebSocket: new (url: string) => BrowserSocket }).WebSocket;
  return new Promise((resolve) => {
    const socket = new WebSocketCtor(target.bridgeUrl);
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: target.method, payload: {} }));
    socket.onmessage = (event) => {
      resolve({ opened: true, reply: JSON.parse(event.data) as unknown });
      socket.close();
    };
    socket.onclose = (event) => resolve({ opened: false, code: event.code });
  });
}

test('the web console loads under its CSP, renders, and its own transport reaches the host', async ({ page, webHost }) => {
  // The console's renderer/api ws-transport: token from the fragment, same-origin /bridge, an answer back.
  const answered = new Promise<string>((resolve) => {
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/bridge?token=')) return;
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"ok":true')) resolve(socket.url());
      });
    });
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported with their URL below; a CSP violation or an exception lands here.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico on its own; the bundle does not ship one.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto(webHost.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page).toHaveTitle(/回访|Huifang/);
  await expect(page.locator('#root > *').first()).toBeVisible();
  expect(await answered).toBe(`${webHost.origin.replace('http:', 'ws:')}/bridge?token=${webHost.token}`);
  expect(problems).toEqual([]);
});

test('the bridge answers appInfo from the console page', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  const bridgeUrl = `${webHost.origin.replace('http:', 'ws:')}/bridge?token=${webHost.token}`;
  const answer = await page.evaluate(callBridge, { bridgeUrl, method: 'appInfo' });
  expect(answer).toEqual({
    opened: true,
    reply: { id: 1, ok: true, value: { version: expect.any(String) as unknown, mode: 'web', defaultRegion: 'CN', customers: webHost.customers } },
  });
});

test('the bridge refuses a page of another origin, even with the token', async ({ page, webHost }) => {
  await page.goto('about:blank');
  const bridgeUrl = `${webHost.origin.replace('http:', 'ws:')}/bridge?token=${webHost.token}`;
  const answer = await page.evaluate(callBridge, { bridgeUrl, method: 'appInfo' });
  expect(answer).toMatchObject({ opened: false });
});
