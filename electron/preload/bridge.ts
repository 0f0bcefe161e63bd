import type { Envelope } from '../../shared/api/envelope';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type HuifangBridge } from '../../shared/api/bridge';

/** The members of Electron's ipcRenderer the bridge uses; structural so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * What the page gets as `window.huifang`: two functions and nothing else. The IPC event object is
 * never handed to the page (its `sender` is ipcRenderer itself), and a failed invoke becomes an
 * error envelope instead of an exception whose details contextBridge would strip anyway.
 */
export function createPreloadBridge(ipcRenderer: IpcRendererLike): HuifangBridge {
  return Object.freeze({
    async invoke(method: string, payload: unknown): Promise<Envelope<unknown>> {
      try {
        return (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, String(method), payload)) as Envelope<unknown>;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'unavailable', message: `the host did not answer ${String(method)}: ${message}` } };
      }
    },
    subscribe(listener: (event: string, payload: unknown) => void): () => void {
      const forward = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
      };
    },
  });
}
