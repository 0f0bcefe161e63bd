import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createClient } from '../../renderer/api/client';
import { createWsTransport, type ConnectionStatus, type WsTransport } from '../../renderer/api/ws-transport';
import { createToken } from '../../electron/host/transports/token';
import { createFakeHost } from './transports/fake-host';
import { startBridgeServer, wsWithOrigin, type BridgeServer } from './transports/ws-rig';

/** A port nobody listens on right now (listen on 0, read it, close). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function transportTo(url: string, origin: string, options: { callTimeoutMs?: number; onStatus?: (s: ConnectionStatus) => void } = {}): WsTransport {
  const transport = createWsTransport({
    url,
    WebSocket: wsWithOrigin(origin),
    callTimeoutMs: options.callTimeoutMs ?? 5_000,
    backoff: { initialMs: 20, maxMs: 100 },
    maxFrameBytes: 2048,
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
  cleanups.push(() => transport.close());
  return transport;
}

/** A bare `ws` server with no bridge behind it, for hosts that misbehave; returns its port. */
async function rawServer(onConnection: (socket: WebSocket) => void): Promise<number> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', onConnection);
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

async function serve(options: Parameters<typeof startBridgeServer>[1] = {}): Promise<BridgeServer> {
  const server = await startBridgeServer(createFakeHost(), options);
  cleanups.push(() => server.close());
  return server;
}

describe('renderer ws-transport', () => {
  it('queues calls made before the host is up and sends them once it is', async () => {
    const port = await freePort();
    const token = createToken();
    const origin = `http://127.0.0.1:${port}`;
    const client = createClient(transportTo(`ws://127.0.0.1:${port}/bridge?token=${token}`, origin));
    const early = client.api.appInfo({});
    await new Promise((resolve) => setTimeout(resolve, 150)); // a few refused attempts
    await serve({ port, token });
    await expect(early).resolves.toMatchObject({ version: '9.9.9-test' });
  });

  it('reconnects after the host restarts', async () => {
    const first = await serve();
    const statuses: ConnectionStatus[] = [];
    const transport = transportTo(first.url(), first.origin, { onStatus: (s) => statuses.push(s) });
    const client = createClient(transport);
    await client.api.appInfo({});
    await first.close();
    await serve({ port: first.port, token: first.token });
    await expect(client.api.appInfo({})).resolves.toMatchObject({ mode: 'web' });
    expect(statuses.filter((s) => s === 'open').length).toBeGreaterThanOrEqual(2);
  });

  it('times a call out with a clear error when the host never answers', async () => {
    const port = await rawServer(() => undefined);
    const client = createClient(transportTo(`ws://127.0.0.1:${port}/bridge?token=t`, 'http://x', { callTimeoutMs: 150 }));
    await expect(client.api.appInfo({})).rejects.toMatchObject({ code: 'unavailable', message: 'appInfo: no answer from the host within 150 ms' });
  });

  it('says "not connected" when a refused token keeps it from connecting', async () => {
    const server = await serve();
    const client = createClient(transportTo(server.url('wrong'), server.origin, { callTimeoutMs: 150 }));
    await expect(client.api.appInfo({})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('not connected') as unknown });
  });

  it('fails a call in flight when the connection drops, saying it may have been applied', async () => {
    // A host that reads the request and then drops the connection without answering.
    const dropper = await rawServer((socket) => socket.on('message', () => socket.terminate()));
    const transport = transportTo(`ws://127.0.0.1:${dropper}/bridge`, 'http://x');
    await expect(transport.invoke('searchCustomers', { query: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'searchCustomers: the connection to the host closed before it answered (the call may or may not have been applied)' },
    });
  });

  it('refuses an oversized input locally, without sending it', async () => {
    const server = await serve();
    const client = createClient(transportTo(server.url(), server.origin));
    await expect(client.api.searchCustomers({ query: '王'.repeat(100), limit: 1 })).resolves.toBeDefined();
    const huge = { raw: 'x'.repeat(1500), headers: { a: '王'.repeat(400) } };
    await expect(client.api.lookupCaller(huge)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^lookupCaller: the input is \d+ bytes; the limit is 2048 bytes$/) as unknown });
    expect(server.bridge.clientCount()).toBe(1); // still connected: nothing was sent
  });

  it('fails waiting calls when closed, and refuses new ones', async () => {
    const port = await freePort();
    const transport = transportTo(`ws://127.0.0.1:${port}/bridge?token=t`, 'http://x');
    const waiting = transport.invoke('appInfo', {});
    transport.close();
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable', message: 'appInfo: the connection to the host was closed' } });
    await expect(transport.invoke('appInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
