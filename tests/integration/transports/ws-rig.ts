import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { createWsBridge, type WsBridge, type WsBridgeOptions } from '../../../electron/host/transports/ws-bridge';
import { createToken } from '../../../electron/host/transports/token';
import { createClient, type Client } from '../../../renderer/api/client';
import { createWsTransport, type WebSocketConstructor, type WsTransport, type WsTransportOptions } from '../../../renderer/api/ws-transport';
import type { TestHost } from './fake-host';

/** The `ws` client with a browser-like Origin header: what a page served by the host would send. */
export function wsWithOrigin(origin: string): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  };
}

export interface BridgeServer {
  server: Server;
  bridge: WsBridge;
  token: string;
  port: number;
  origin: string;
  /** ws://127.0.0.1:PORT/bridge?token=… with the right token unless told otherwise. */
  url(token?: string | null): string;
  close(): Promise<void>;
}

/** A bare node:http server with the bridge on its upgrade path, on 127.0.0.1 and a free (or given) port. */
export async function startBridgeServer(
  host: TestHost,
  options: { port?: number; token?: string; bridge?: Partial<WsBridgeOptions> } = {},
): Promise<BridgeServer> {
  const token = options.token ?? createToken();
  const server = createServer((_req, res) => res.writeHead(404).end());
  let origin = '';
  const bridge = createWsBridge({
    handlers: host.handlers,
    events: host.events,
    token,
    allowedOrigins: () => [origin],
    dispatchOptions: { checkOutput: true },
    ...options.bridge,
  });
  server.on('upgrade', (req, socket, head) => {
    if (!bridge.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    bridge,
    token,
    port,
    origin,
    url: (t = token) => `ws://127.0.0.1:${port}/bridge${t === null ? '' : `?token=${encodeURIComponent(t)}`}`,
    async close() {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface WsRig {
  client: Client;
  transport: WsTransport;
  server: BridgeServer;
  close(): Promise<void>;
}

/** The renderer's real ws-transport + createClient against the real bridge. */
export async function startWsRig(host: TestHost, transportOptions: Partial<WsTransportOptions> = {}): Promise<WsRig> {
  const server = await startBridgeServer(host);
  const transport = createWsTransport({
    url: server.url(),
    WebSocket: wsWithOrigin(server.origin),
    callTimeoutMs: 5_000,
    backoff: { initialMs: 20, maxMs: 200 },
    ...transportOptions,
  });
  return {
    client: createClient(transport),
    transport,
    server,
    async close() {
      transport.close();
      await server.close();
    },
  };
}
