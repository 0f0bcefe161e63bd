import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { LoginLimiter } from './auth/rate-limit';
import { HttpError, installErrorHandling } from './http/errors';
import { authorize } from './http/guard';
import type { Deps, Route } from './http/route';
import { adminRoutes } from './http/routes/admin';
import { authRoutes } from './http/routes/auth';
import { dataRoutes } from './http/routes/data';
import { importRoutes } from './http/routes/import';
import { syncRoutes } from './http/routes/sync';
import type { Actor } from './store/access';
import type { Store } from './store/store';
import { LiveHub } from './sync/live';

export const ROUTES: Route[] = [...authRoutes, ...adminRoutes, ...dataRoutes, ...importRoutes, ...syncRoutes];
/** The WebSocket endpoint, listed with the others for the role × route tests. */
export const LIVE_ROUTE = { method: 'GET', url: '/sync/live', access: 'agent' } as const;

export interface AppOptions {
  store: Store;
  /** HMAC key for access tokens: 32+ random bytes, the same on every server process. */
  secret: Buffer;
  logger?: boolean;
  limiter?: LoginLimiter;
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; hub: LiveHub }> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });
  const deps: Deps = { store: options.store, secret: options.secret, limiter: options.limiter ?? new LoginLimiter(), now: options.store.now };
  installErrorHandling(app);
  // Import files arrive as raw bytes: the encoding (UTF-8 or GB18030) is decided by server/import, not by HTTP.
  app.addContentTypeParser(['text/csv', 'application/octet-stream', 'text/plain'], { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const hub = new LiveHub(options.store);
  app.addHook('onClose', () => hub.close());

  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (req, reply) => {
        const actor = route.access === 'public' ? null : authorize(req, deps.secret, deps.now(), route.access);
        return route.handler({ req, reply, actor, deps });
      },
    });
  }

  await app.register((scope, _opts, done) => {
    scope.addHook('preValidation', (req, _reply, next) => {
      try {
        (req as unknown as { actor: Actor }).actor = authorize(req, deps.secret, deps.now(), LIVE_ROUTE.access);
        next();
      } catch (error) {
        next(error as Error);
      }
    });
    scope.get(LIVE_ROUTE.url, { websocket: true }, (socket, req) => {
      const actor = (req as unknown as { actor?: Actor }).actor;
      if (!actor) throw new HttpError('unauthorized', 'no actor');
      hub.attach(socket, actor);
    });
    done();
  });
  return { app, hub };
}
