import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { DispatchOptions, Handlers } from '../../shared/api';
import { contentSecurityPolicy } from './csp';
import type { HostEventSource } from './transports/event-source';
import { createWsBridge } from './transports/ws-bridge';

/** Vite's dev server in middleware mode, as far as we use it. */
export interface ViteMiddleware {
  middlewares: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  close(): Promise<void>;
}

export interface WebServerOptions {
  handlers: Handlers;
  events: HostEventSource;
  token: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The built renderer (dist/renderer); must hold index.html unless `dev` is given. */
  rendererDir: string;
  /** Extra connect-src sources for the CSP (the SIP server). */
  connectSrc?: readonly string[];
  /** Page origins besides this server's own that may open the bridge (a Vite dev server proxying /bridge). */
  extraOrigins?: readonly string[];
  /** Dev mode: Vite serves the renderer from source, with HMR on this same server. */
  dev?: { createVite(server: Server): Promise<ViteMiddleware> };
  dispatchOptions?: DispatchOptions;
}

export interface WebServer {
  port: number;
  /** What to open in a browser: the page with its token in the fragment, which no server ever sees. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Web mode on one port of 127.0.0.1: the renderer bundle over HTTP and the API bridge at /bridge.
 * Every response carries the CSP; a request naming another Host (DNS rebinding) is refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const indexFile = path.join(options.rendererDir, 'index.html');
  if (!options.dev && !existsSync(indexFile)) {
    throw new Error(`the renderer bundle is missing (${indexFile}): build it with "npx vite build", or start with --dev`);
  }
  let port = options.port;
  const selfHosts = () => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const securityHeaders: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy({ ...(options.connectSrc ? { connectSrc: options.connectSrc } : {}), dev: Boolean(options.dev) }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
  let vite: ViteMiddleware | null = null;

  const app = Fastify({
    logger: false,
    serverFactory: (handler) =>
      createServer((req, res) => {
        for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
        if (!selfHosts().includes(req.headers.host ?? '')) {
          res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`host ${req.headers.host ?? '(none)'} is not this console; open http://${LOOPBACK}:${port}/`);
          return;
        }
        if (vite) vite.middlewares(req, res, () => handler(req, res));
        else handler(req, res);
      }),
  });

  if (!options.dev) {
    await app.register(fastifyStatic, {
      root: path.resolve(options.rendererDir),
      index: ['index.html'],
      wildcard: true,
      setHeaders(reply, file) {
        // Hashed assets never change under their name; index.html must be re-read after an upgrade.
        reply.header('Cache-Control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes (/queue, /customer/…) reload into the app rather than a bare 404.
    app.setNotFoundHandler((request, reply) => {
      const wantsPage = request.method === 'GET' && !path.extname(request.url.split('?')[0] ?? '') && (request.headers.accept ?? '').includes('text/html');
      if (wantsPage) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      return reply.code(404).type('text/plain; charset=utf-8').send(`not found: ${request.url.slice(0, 200)}`);
    });
  }

  const bridge = createWsBridge({
    handlers: options.handlers,
    events: options.events,
    token: options.token,
    allowedOrigins: () => [...selfHosts().map((host) => `http://${host}`), ...(options.extraOrigins ?? [])],
    ...(options.dispatchOptions ? { dispatchOptions: options.dispatchOptions } : {}),
  });
  app.server.on('upgrade', (req, socket, head: Buffer) => {
    if (bridge.handleUpgrade(req, socket, head)) return;
    // Vite's HMR socket announces itself by subprotocol; any other upgrade has no business here.
    if (vite && String(req.headers['sec-websocket-protocol'] ?? '').includes('vite-hmr')) return;
    socket.destroy();
  });

  try {
    await app.listen({ host: LOOPBACK, port: options.port });
  } catch (error) {
    await bridge.close();
    await app.close().catch(() => undefined);
    throw describeListenError(error, options.port);
  }
  port = (app.server.address() as AddressInfo).port;
  if (options.dev) vite = await options.dev.createVite(app.server);

  return {
    port,
    url: `http://${LOOPBACK}:${port}/#token=${options.token}`,
    async close() {
      await bridge.close();
      await vite?.close();
      await app.close();
    },
  };
}

function describeListenError(error: unknown, port: number): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new Error(`port ${port} on ${LOOPBACK} is already in use: stop the other process or pass --port <n> (0 picks a free one)`);
  if (code === 'EACCES') return new Error(`no permission to listen on ${LOOPBACK}:${port}: pick a port above 1024 with --port`);
  return error instanceof Error ? error : new Error(String(error));
}
