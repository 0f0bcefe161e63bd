import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { dispatch, type ApiError, type DispatchOptions, type Handlers } from '../../../shared/api';
import { BRIDGE_PATH, MAX_FRAME_BYTES, type BridgeEvent, type BridgeReply, type RequestId } from '../../../shared/api/bridge';
import { subscribeAll, type HostEventSource } from './event-source';
import { tokensEqual } from './token';

export interface WsBridgeOptions {
  handlers: Handlers;
  events: HostEventSource;
  /** The per-launch secret (see token.ts); clients pass it as `?token=`. */
  token: string;
  /**
   * Origins allowed to open the bridge: the host's own (`http://127.0.0.1:PORT`), plus Vite's in dev.
   * A function because the port is only known once the HTTP server listens.
   */
  allowedOrigins: () => readonly string[];
  /** Frames up to this size are read; bigger ones get an error reply. */
  maxFrameBytes?: number;
  dispatchOptions?: DispatchOptions;
}

export interface WsBridge {
  /** Takes an HTTP upgrade if it is for the bridge path; returns false (socket untouched) otherwise. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  clientCount(): number;
  /** Closes every client (1001) and stops listening to host events. */
  close(): Promise<void>;
}

/** A client that stops reading must not make the host buffer without bound: past this it is dropped. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const maxFrameBytes = options.maxFrameBytes ?? MAX_FRAME_BYTES;
  // ws enforces a hard ceiling by closing with 1009. It sits well above our own limit so that a merely
  // too-big request gets a readable error reply on a connection that keeps working.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes * 8, clientTracking: true });

  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      void handleFrame(socket, data, isBinary);
    });
    // A socket error (reset by peer) is followed by 'close'; without a listener it would crash the host.
    socket.on('error', () => undefined);
  });

  async function handleFrame(socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = toBuffer(data);
    if (isBinary) return send(socket, failure(null, 'binary frames are not accepted: send a JSON text frame {id, method, payload}'));
    if (bytes.length > maxFrameBytes) {
      return send(socket, failure(peekId(bytes), `frame is ${bytes.length} bytes; the limit is ${maxFrameBytes} bytes`));
    }
    let frame: unknown;
    try {
      frame = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      return send(socket, failure(peekId(bytes), `frame is not valid JSON: ${(error as Error).message}`));
    }
    if (!isRecord(frame)) return send(socket, failure(null, 'frame must be a JSON object {id, method, payload}'));
    const id = frame.id;
    if (!isRequestId(id)) return send(socket, failure(null, 'id: required, a string or a finite number', 'id'));
    const envelope = await dispatch(options.handlers, frame.method, frame.payload, options.dispatchOptions);
    send(socket, { id, ...envelope });
  }

  const stopEvents = subscribeAll(options.events, (event, payload) => {
    const frame: BridgeEvent = { event, payload };
    const text = JSON.stringify(frame);
    for (const client of wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        client.terminate();
        continue;
      }
      client.send(text, ignoreSendError);
    }
  });

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://bridge.invalid');
      if (url.pathname !== BRIDGE_PATH) return false;
      const origin = request.headers.origin;
      // Browsers always send Origin on a WebSocket handshake; a page from any other origin (or a
      // rebinding DNS name) is refused before it can even try the token.
      if (!origin || !options.allowedOrigins().includes(origin)) {
        refuse(socket, 403, `origin ${origin ?? '(none)'} may not open the bridge`);
        return true;
      }
      if (!tokensEqual(url.searchParams.get('token'), options.token)) {
        refuse(socket, 401, 'missing or wrong token: open the URL the host printed (…/#token=…)');
        return true;
      }
      wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
      return true;
    },
    clientCount: () => wss.clients.size,
    close() {
      stopEvents();
      for (const client of wss.clients) client.close(1001, 'host shutting down');
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

function send(socket: WebSocket, reply: BridgeReply): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(reply);
  } catch (error) {
    // A handler value JSON cannot carry (a BigInt, a cycle) is a host bug; the caller still gets an answer.
    text = JSON.stringify(failure(reply.id, `reply could not be encoded: ${(error as Error).message}`, undefined, 'internal'));
  }
  socket.send(text, ignoreSendError);
}

function failure(id: RequestId | null, message: string, field?: string, code: ApiError['code'] = 'bad_request'): BridgeReply {
  return { id, ok: false, error: { code, message, ...(field !== undefined ? { field } : {}) } };
}

/** The peer went away mid-send; its 'close' handler cleans up, nothing to report. */
function ignoreSendError(): void {}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.on('error', () => undefined);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is RequestId {
  return (typeof value === 'string' && value.length > 0 && value.length <= 64) || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Our clients write `{"id":…` first, so the id of a frame we refuse to parse (too big, broken JSON)
 * can usually still be read from its head: the error then reaches the call that caused it.
 */
function peekId(bytes: Buffer): RequestId | null {
  const head = bytes.subarray(0, 100).toString('utf8');
  const match = /^\s*\{\s*"id"\s*:\s*(?:(-?\d{1,15})|"([^"\\]{1,64})")\s*[,}]/.exec(head);
  if (!match) return null;
  return match[1] !== undefined ? Number(match[1]) : (match[2] ?? null);
}
