import type { Envelope } from './envelope';

/**
 * The wire shapes both transports agree on. The host side (electron/host/transports), the preload and
 * the renderer (renderer/api) each import these, so a renamed channel or path breaks the build, not a
 * running console.
 */

/** What `window.huifang` is in Electron, and what every renderer transport offers: the Transport of renderer/api/client. */
export interface HuifangBridge {
  invoke(method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** Every host event; returns the unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Electron IPC channels: one request channel (ipcMain.handle), one event channel (webContents.send). */
export const IPC_INVOKE_CHANNEL = 'huifang:invoke';
export const IPC_EVENT_CHANNEL = 'huifang:event';

/** Web mode: the WebSocket bridge lives on the same origin as the page, at this path, token in `?token=`. */
export const BRIDGE_PATH = '/bridge';

/**
 * The largest request frame the host reads. Bigger frames get an error reply (the connection stays
 * open); the renderer refuses to send them in the first place. The largest legitimate input
 * (lookupCaller with its headers) is far below this.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

export type RequestId = string | number;

/** Renderer → host. */
export interface BridgeRequest {
  id: RequestId;
  method: string;
  payload?: unknown;
}

/** Host → renderer, answering one request. `id` is null only when the request's id could not be read. */
export type BridgeReply = { id: RequestId | null } & Envelope<unknown>;

/** Host → renderer, pushed to every connected client. */
export interface BridgeEvent {
  event: string;
  payload: unknown;
}
