import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError } from '../../shared/api';
import type { Client, Transport } from '../../renderer/api/client';
import type { Host } from '../../electron/host/composition';
import { createFakeHost, type TestHost } from './transports/fake-host';
import { createRealHost, REAL_VERSION } from './transports/real-host';
import { startIpcRig } from './transports/ipc-rig';
import { startWsRig } from './transports/ws-rig';
import { wiring } from './transports/fake-electron';

// The real preload imports 'electron'; here it gets contextBridge/ipcRenderer fakes wired to a fake ipcMain.
vi.mock('electron', async () => (await import('./transports/fake-electron')).fakeElectron);

interface Rig {
  client: Client;
  transport: Transport;
  close(): Promise<void>;
}

/** The same contract table runs over both transports: a difference between them is a bug. */
const transports: { name: string; start: (host: TestHost) => Promise<Rig> }[] = [
  { name: 'web mode: ws-transport → ws bridge', start: startWsRig },
  { name: 'desktop: preload → IPC', start: startIpcRig },
];

describe.each(transports)('$name, real host', ({ start }) => {
  let host: Host;
  let rig: Rig;
  beforeEach(async () => {
    host = createRealHost();
    rig = await start(host);
  });
  afterEach(async () => {
    await rig.close();
    host.close();
  });

  it('returns the handler value', async () => {
    await expect(rig.client.api.appInfo({})).resolves.toEqual({ version: REAL_VERSION, mode: 'web', defaultRegion: 'CN', customers: 1 });
  });

  it('carries non-ASCII text and parsed defaults both ways', async () => {
    const result = await rig.client.api.searchCustomers({ query: '  王芳 ' });
    expect(result.results).toEqual([{ id: 'c-wangfang', name: '王芳', segment: 'vip', city: '杭州', phone: '+8613800138000' }]);
    expect(host.handlers.searchCustomers).toHaveBeenCalledWith({ query: '王芳', limit: 20 });
  });

  it('rejects a bad payload naming the field, without calling the handler or changing anything', async () => {
    const call = rig.client.api.historyPage({ customerId: 'c-wangfang', limit: 10_000 });
    await expect(call).rejects.toBeInstanceOf(HostError);
    await expect(call).rejects.toMatchObject({ code: 'bad_request', field: 'limit', message: expect.stringMatching(/^limit: /) as unknown });
    expect(host.handlers.historyPage).not.toHaveBeenCalled();
    await expect(rig.client.api.searchCustomers({ query: '' })).rejects.toMatchObject({ field: 'query', message: 'query: type a phone number or a name' });
    expect(host.handlers.searchCustomers).not.toHaveBeenCalled();
    await expect(rig.client.api.appInfo({})).resolves.toMatchObject({ customers: 1 });
  });

  it('refuses an unknown method by name', async () => {
    await expect(rig.transport.invoke('dropAllCustomers', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'unknown method: dropAllCustomers' },
    });
  });

  it('reports a failing handler as internal, naming the method', async () => {
    vi.mocked(host.handlers.queueList).mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(rig.client.api.queueList({})).rejects.toMatchObject({ code: 'internal', message: 'queueList failed: disk full' });
  });

  it('answers concurrent calls each with its own value', async () => {
    const queries = ['王芳', '+86 138 0013 8000', 'nobody', '13800138000', '王'];
    const results = await Promise.all(queries.map((query) => rig.client.api.searchCustomers({ query })));
    expect(results.map((r) => r.results.length)).toEqual([1, 1, 0, 1, 1]);
    expect(results.map((r) => r.interpretedAs)).toEqual(['name', 'phone', 'name', 'phone', 'name']);
  });

  it('delivers host events to subscribers until they unsubscribe', async () => {
    const heard = vi.fn();
    const stop = rig.client.onEvent('changed', heard);
    // The ws transport may still be connecting: an event is only pushed to connected clients.
    await rig.client.api.appInfo({});
    host.events.emit('changed', { domain: 'customers', ids: ['c1', 'c2'] });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith({ domain: 'customers', ids: ['c1', 'c2'] }));
    stop();
    host.events.emit('changed', { domain: 'tasks', ids: ['t1'] });
    await rig.client.api.appInfo({}); // a round trip: the event would have arrived before this reply
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('desktop IPC only', () => {
  let host: TestHost;
  let rig: Awaited<ReturnType<typeof startIpcRig>>;
  beforeEach(async () => {
    host = createFakeHost();
    rig = await startIpcRig(host);
  });
  afterEach(() => rig.close());

  it('exposes exactly invoke and subscribe to the page, frozen', () => {
    const bridge = wiring.world.huifang as object;
    expect(Object.keys(wiring.world)).toEqual(['huifang']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('never hands the page the IPC event (whose sender is ipcRenderer)', async () => {
    const raw = vi.fn();
    const stop = rig.transport.subscribe(raw);
    host.events.emit('changed', { domain: 'history', ids: ['e1'] });
    await vi.waitFor(() => expect(raw).toHaveBeenCalled());
    expect(raw.mock.calls[0]).toEqual(['changed', { domain: 'history', ids: ['e1'] }]);
    stop();
  });

  it('refuses a call from a frame that is not the app, without calling the handler', async () => {
    wiring.frameUrl = 'https://evil.example/';
    await expect(rig.client.api.appInfo({})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(host.handlers.appInfo).not.toHaveBeenCalled();
  });

  it('does not send events to a window that navigated away or was destroyed', () => {
    const [contents] = rig.contents;
    if (!contents) throw new Error('rig has a window');
    const send = vi.spyOn(contents, 'send');
    contents.url = 'https://evil.example/';
    host.events.emit('changed', { domain: 'customers', ids: ['c1'] });
    contents.url = 'app://huifang/index.html';
    contents.destroyed = true;
    host.events.emit('changed', { domain: 'customers', ids: ['c1'] });
    expect(send).not.toHaveBeenCalled();
  });

  it('answers with an error envelope when the host is gone', async () => {
    await rig.close();
    await expect(rig.client.api.appInfo({})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('appInfo') as unknown });
  });
});
