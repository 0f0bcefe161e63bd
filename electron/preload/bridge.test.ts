import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import { createPreloadBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** ipcRenderer's listener bookkeeping, in a few lines (the preload layer may not import node:events). */
function fakeIpcRenderer(invoke: IpcRendererLike['invoke']) {
  const listeners = new Set<Listener>();
  return {
    invoke,
    on: (_channel: string, listener: Listener) => listeners.add(listener),
    removeListener: (_channel: string, listener: Listener) => listeners.delete(listener),
    emit: (...args: unknown[]) => listeners.forEach((listener) => listener({ sender: 'ipcRenderer' }, ...args)),
    listenerCount: () => listeners.size,
  };
}

describe('preload bridge', () => {
  it('invokes the one channel with method and payload', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, value: 1 });
    const bridge = createPreloadBridge(fakeIpcRenderer(invoke));
    await expect(bridge.invoke('appInfo', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'appInfo', {});
  });

  it('turns a rejected invoke into an unavailable envelope naming the method', async () => {
    const bridge = createPreloadBridge(fakeIpcRenderer(() => Promise.reject(new Error('No handler registered'))));
    await expect(bridge.invoke('queueList', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'the host did not answer queueList: No handler registered' },
    });
  });

  it('passes event name and payload only, and stops on unsubscribe', () => {
    const ipc = fakeIpcRenderer(vi.fn());
    const listener = vi.fn();
    const stop = createPreloadBridge(ipc).subscribe(listener);
    ipc.emit('changed', { ids: [] });
    ipc.emit(42, 'not an event name');
    expect(listener.mock.calls).toEqual([['changed', { ids: [] }]]);
    stop();
    expect(ipc.listenerCount()).toBe(0);
  });
});
