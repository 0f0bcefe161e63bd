import { EventEmitter } from 'node:events';
import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from '../../../electron/host/transports/ipc';

/**
 * Just enough of Electron for the real preload module and the real registerIpc to talk to each
 * other in Node: arguments and results are structured-cloned as Electron's IPC does, and
 * contextBridge puts what the preload exposes into `world` (the page's window).
 */
type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** The page side: what ipcRenderer listeners hear. */
const rendererSide = new EventEmitter();

export const wiring = {
  main: null as FakeIpcMain | null,
  /** The URL of the frame calling invoke: the app's page unless a test says otherwise. */
  frameUrl: 'app://huifang/index.html',
  world: {} as Record<string, unknown>,
};

export class FakeWebContents implements WebContentsLike {
  destroyed = false;
  constructor(public url = 'app://huifang/index.html') {}
  send(channel: string, ...args: unknown[]): void {
    // Electron hands renderer listeners an IpcRendererEvent whose `sender` is ipcRenderer itself.
    rendererSide.emit(channel, { sender: fakeElectron.ipcRenderer }, ...structuredClone(args));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
}

export const fakeElectron = {
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      wiring.world[key] = api;
    },
  },
  ipcRenderer: {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = wiring.main?.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const result = await handler({ senderFrame: { url: wiring.frameUrl } }, ...structuredClone(args));
      return structuredClone(result);
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      rendererSide.on(channel, listener);
      return this;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      rendererSide.removeListener(channel, listener);
      return this;
    },
  },
};

export function rendererListenerCount(channel: string): number {
  return rendererSide.listenerCount(channel);
}
