import { dispatch, type DispatchOptions, type Envelope, type Handlers } from '../../../shared/api';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../shared/api/bridge';
import { subscribeAll, type HostEventSource } from './event-source';

/*
 * The few members of Electron's objects this transport touches, written out structurally so that
 * electron/host never imports 'electron' (it runs in plain Node) and tests can pass small fakes.
 * Electron's IpcMain, IpcMainInvokeEvent and WebContents satisfy these.
 */
export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
}

export interface IpcOptions {
  /** True for URLs of the app's own pages; see appUrlMatcher. */
  isAppUrl: (url: string) => boolean;
  dispatchOptions?: DispatchOptions;
}

/**
 * Serves the contract on `huifang:invoke` and forwards host events on `huifang:event`.
 * Returns a function that undoes both (for tests and for a clean quit).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  events: HostEventSource,
  getWebContents: () => Iterable<WebContentsLike>,
  options: IpcOptions,
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method, payload): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    // Only the app's own frame may call the host: not a subframe or a page navigated elsewhere.
    if (!options.isAppUrl(url)) {
      return { ok: false, error: { code: 'unauthorized', message: `frame ${describeUrl(url)} may not call the host` } };
    }
    return dispatch(handlers, method, payload, options.dispatchOptions);
  });

  const stopEvents = subscribeAll(events, (name, payload) => {
    for (const contents of getWebContents()) {
      if (contents.isDestroyed() || !options.isAppUrl(contents.getURL())) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    stopEvents();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}

/**
 * Builds the "is this our page?" test from the URL the window loads. For `file:` the app is a
 * directory (every file: URL has the opaque origin "null", so origins cannot tell pages apart);
 * for anything else (app://huifang, http://127.0.0.1:5173 in dev) it is scheme + host + port.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const app = new URL(appUrl);
  const appDir = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
  return (candidate) => {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return false;
    }
    if (url.protocol !== app.protocol) return false;
    if (app.protocol === 'file:') return url.host === app.host && url.pathname.startsWith(appDir); // URL has already resolved any '..'
    return url.host === app.host;
  };
}

function describeUrl(url: string): string {
  return url === '' ? '(unknown)' : url.slice(0, 120);
}
