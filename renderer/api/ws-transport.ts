import type { ApiError, Envelope } from '../../shared/api/envelope';
import { MAX_FRAME_BYTES, type BridgeRequest } from '../../shared/api/bridge';
import type { Transport } from './client';

/**
 * The members of a WebSocket this transport uses. The browser's WebSocket and the `ws` package's
 * both satisfy it, so Node tests drive this very file against the real host bridge.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Listeners take `unknown` so both event class families fit; only a message's `data` is read. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: unknown) => void): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface WsTransportOptions {
  /** `ws://host/bridge?token=…` — see bridge-url.ts. */
  url: string;
  WebSocket: WebSocketConstructor;
  /** A call with no answer after this long resolves to an `unavailable` error. */
  callTimeoutMs?: number;
  /** Reconnect delays double from `initialMs` up to `maxMs` (with jitter). */
  backoff?: { initialMs: number; maxMs: number };
  maxFrameBytes?: number;
  /** For a "reconnecting…" banner. */
  onStatus?: (status: ConnectionStatus) => void;
}

export interface WsTransport extends Transport {
  /** Stops reconnecting, closes the socket and fails every waiting call. */
  close(): void;
}

const OPEN = 1;

interface Pending {
  method: string;
  resolve: (reply: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Set once the frame went out: from then on a lost connection means "may have been applied". */
  sent: boolean;
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5_000 };
  const maxFrameBytes = options.maxFrameBytes ?? MAX_FRAME_BYTES;
  const pending = new Map<number, Pending>();
  /** Frames written while not connected, sent in order once the socket opens. */
  const queue = new Map<number, string>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let socket: WebSocketLike | null = null;
  let attempt = 0;
  let nextId = 1;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function connect(): void {
    reconnectTimer = null;
    options.onStatus?.('connecting');
    let current: WebSocketLike;
    try {
      current = new options.WebSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    current.addEventListener('open', () => {
      if (socket !== current) return;
      attempt = 0;
      options.onStatus?.('open');
      for (const [id, text] of queue) {
        current.send(text);
        const call = pending.get(id);
        if (call) call.sent = true;
      }
      queue.clear();
    });
    current.addEventListener('message', (event) => {
      if (socket === current) receive((event as { data?: unknown }).data);
    });
    // 'error' is always followed by 'close'; the close handler does the work.
    current.addEventListener('error', () => undefined);
    current.addEventListener('close', () => {
      if (socket !== current) return;
      socket = null;
      options.onStatus?.('closed');
      for (const [id, call] of pending) {
        if (call.sent) settle(id, 'unavailable', `${call.method}: the connection to the host closed before it answered (the call may or may not have been applied)`);
      }
      scheduleReconnect();
    });
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    attempt += 1;
    // Jitter spreads reconnects of many tabs after a host restart.
    reconnectTimer = setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const record = frame as Record<string, unknown>;
    if (typeof record.event === 'string') {
      for (const listener of listeners) listener(record.event, record.payload);
      return;
    }
    // A reply with id null answers a frame the host could not read; the call it belonged to times out.
    if (typeof record.id !== 'number') return;
    const call = pending.get(record.id);
    if (!call) return;
    clearTimeout(call.timer);
    pending.delete(record.id);
    // The id did its job; the caller gets the bare envelope, exactly as over IPC.
    const { id: _id, ...envelope } = record;
    call.resolve(envelope as unknown as Envelope<unknown>);
  }

  function settle(id: number, code: ApiError['code'], message: string): void {
    const call = pending.get(id);
    if (!call) return;
    clearTimeout(call.timer);
    pending.delete(id);
    queue.delete(id);
    call.resolve(failure(code, message));
  }

  connect();

  return {
    invoke(method, payload) {
      if (closed) return Promise.resolve(failure('unavailable', `${method}: the connection to the host was closed`));
      const id = nextId++;
      const request: BridgeRequest = { id, method, payload: payload ?? {} };
      let text: string;
      try {
        text = JSON.stringify(request);
      } catch (error) {
        return Promise.resolve(failure('bad_request', `${method}: the input cannot be sent: ${(error as Error).message}`));
      }
      const bytes = byteLengthOver(text, maxFrameBytes);
      if (bytes !== null) {
        return Promise.resolve(failure('bad_request', `${method}: the input is ${bytes} bytes; the limit is ${maxFrameBytes} bytes`));
      }
      return new Promise<Envelope<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          const connected = socket?.readyState === OPEN;
          settle(id, 'unavailable', `${method}: no answer from the host within ${callTimeoutMs} ms` + (connected ? '' : ' (not connected: is the host running, and was the page opened with its token?)'));
        }, callTimeoutMs);
        const open = socket?.readyState === OPEN;
        pending.set(id, { method, resolve, timer, sent: open });
        if (open && socket) socket.send(text);
        else queue.set(id, text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const current = socket;
      socket = null;
      current?.close(1000, 'client closed');
      for (const [id, call] of pending) settle(id, 'unavailable', `${call.method}: the connection to the host was closed`);
      options.onStatus?.('closed');
    },
  };
}

function failure(code: ApiError['code'], message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } };
}

/** The UTF-8 size of `text` when it is over `limit`, else null. */
function byteLengthOver(text: string, limit: number): number | null {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: skip encoding when the text cannot be over anyway.
  if (text.length * 3 <= limit) return null;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : null;
}
