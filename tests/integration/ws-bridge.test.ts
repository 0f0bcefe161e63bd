import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createFakeHost, type TestHost } from './transports/fake-host';
import { startBridgeServer, type BridgeServer } from './transports/ws-rig';

/** Opens a raw `ws` client; resolves with the socket, or with the HTTP status the handshake was refused with. */
function open(url: string, origin?: string): Promise<{ socket: WebSocket } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

/** Sends one frame and waits for the next message, parsed. */
function roundTrip(socket: WebSocket, frame: string | Buffer, options: { binary?: boolean } = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    socket.send(frame, { binary: options.binary ?? false });
  });
}

describe('ws bridge: who may connect', () => {
  let host: TestHost;
  let server: BridgeServer;
  beforeEach(async () => {
    host = createFakeHost();
    server = await startBridgeServer(host);
  });
  afterEach(() => server.close());

  it('accepts the right token from the host origin', async () => {
    const result = await open(server.url(), server.origin);
    expect('socket' in result).toBe(true);
    if ('socket' in result) result.socket.close();
  });

  it.each([
    ['missing', null],
    ['wrong', 'x'.repeat(43)],
    ['a prefix of the right', 'PREFIX'],
    ['empty', ''],
  ])('refuses a %s token with 401 before upgrading', async (_label, token) => {
    const t = token === 'PREFIX' ? server.token.slice(0, 10) : token;
    const result = await open(server.url(t), server.origin);
    expect(result).toMatchObject({ status: 401, body: expect.stringContaining('token') as unknown });
    expect(server.bridge.clientCount()).toBe(0);
  });

  it.each([
    ['a foreign origin', 'https://evil.example'],
    ['the same host on another port', 'http://127.0.0.1:1'],
    ['no origin at all', undefined],
  ])('refuses %s with 403 even with the right token', async (_label, origin) => {
    const result = await open(server.url(), origin);
    expect(result).toMatchObject({ status: 403, body: expect.stringContaining('origin') as unknown });
    expect(server.bridge.clientCount()).toBe(0);
  });

  it('leaves upgrades for other paths to others', async () => {
    await expect(open(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, server.origin)).rejects.toThrow();
  });
});

describe('ws bridge: frames', () => {
  let host: TestHost;
  let server: BridgeServer;
  let socket: WebSocket;
  beforeEach(async () => {
    host = createFakeHost();
    server = await startBridgeServer(host, { bridge: { maxFrameBytes: 4096 } });
    const result = await open(server.url(), server.origin);
    if (!('socket' in result)) throw new Error(`refused: ${result.status}`);
    socket = result.socket;
  });
  afterEach(async () => {
    socket.close();
    await server.close();
  });

  const appInfo = JSON.stringify({ id: 99, method: 'appInfo', payload: {} });

  it('answers a request with its id and the envelope', async () => {
    await expect(roundTrip(socket, appInfo)).resolves.toMatchObject({ id: 99, ok: true, value: { version: '9.9.9-test' } });
  });

  it('answers bad JSON with an error naming the problem, and keeps working', async () => {
    const reply = await roundTrip(socket, '{"id": 7, "method": "appInfo", ');
    expect(reply).toMatchObject({ id: 7, ok: false, error: { code: 'bad_request', message: expect.stringContaining('not valid JSON') as unknown } });
    await expect(roundTrip(socket, '][')).resolves.toMatchObject({ id: null, ok: false });
    await expect(roundTrip(socket, appInfo)).resolves.toMatchObject({ id: 99, ok: true });
  });

  it.each([
    ['no id', { method: 'appInfo', payload: {} }],
    ['an object id', { id: { x: 1 }, method: 'appInfo' }],
    ['an empty id', { id: '', method: 'appInfo' }],
  ])('refuses a frame with %s, naming the field, without calling the handler', async (_label, frame) => {
    const reply = await roundTrip(socket, JSON.stringify(frame));
    expect(reply).toEqual({ id: null, ok: false, error: { code: 'bad_request', field: 'id', message: 'id: required, a string or a finite number' } });
    expect(host.handlers.appInfo).not.toHaveBeenCalled();
  });

  it('refuses a non-object frame', async () => {
    await expect(roundTrip(socket, '[1,2]')).resolves.toMatchObject({ id: null, ok: false, error: { message: expect.stringContaining('JSON object') as unknown } });
  });

  it('refuses binary frames', async () => {
    await expect(roundTrip(socket, Buffer.from(appInfo), { binary: true })).resolves.toMatchObject({ ok: false, error: { message: expect.stringContaining('binary') as unknown } });
  });

  it('answers an oversized frame with an error for that id, calls nothing, and keeps working', async () => {
    const big = JSON.stringify({ id: 5, method: 'searchCustomers', payload: { query: 'x'.repeat(5000) } });
    const reply = await roundTrip(socket, big);
    expect(reply).toMatchObject({ id: 5, ok: false, error: { code: 'bad_request', message: expect.stringMatching(/^frame is \d+ bytes; the limit is 4096 bytes$/) as unknown } });
    expect(host.handlers.searchCustomers).not.toHaveBeenCalled();
    await expect(roundTrip(socket, appInfo)).resolves.toMatchObject({ id: 99, ok: true });
  });

  it('closes with 1009 past the hard ceiling instead of buffering without bound', async () => {
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(4096 * 8 + 1));
    await expect(closed).resolves.toBe(1009);
  });

  it('pushes events to every connected client', async () => {
    const second = await open(server.url(), server.origin);
    if (!('socket' in second)) throw new Error('refused');
    const heard = (s: WebSocket) => new Promise((resolve) => s.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    const both = Promise.all([heard(socket), heard(second.socket)]);
    host.events.emit('changed', { domain: 'tasks', ids: ['t1'] });
    await expect(both).resolves.toEqual([
      { event: 'changed', payload: { domain: 'tasks', ids: ['t1'] } },
      { event: 'changed', payload: { domain: 'tasks', ids: ['t1'] } },
    ]);
    second.socket.close();
  });

  it('closes clients with 1001 when the host shuts down', async () => {
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await server.bridge.close();
    await expect(closed).resolves.toBe(1001);
  });
});
