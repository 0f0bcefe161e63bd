import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { LoginLimiter } from './auth/rate-limit';
import { HttpError, installErrorHandling } from './http/errors';
import { verifyAccessToken } from './auth/tokens';
import { authorize, tokenOf } from './http/guard';
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
  // A push over the live channel may be as big as one to /sync/push.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 * 1024 } });
  const hub = new LiveHub(options.store);
  app.addHook('onClose', () => hub.close());

  const actors = new WeakMap<object, Actor | null>();
  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      // Before the body is read: a 16 MiB push or a 64 MiB import from someone without the role is refused unread.
      onRequest: (req, _reply, done) => {
        try {
          actors.set(req, route.access === 'public' ? null : authorize(req, deps.secret, deps.now(), route.access));
          done();
        } catch (error) {
          done(error as Error);
        }
      },
      handler: async (req, reply) => route.handler({ req, reply, actor: actors.get(req) ?? null, deps }),
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
      const token = tokenOf(req);
      if (!actor || !token) throw new HttpError('unauthorized', 'no actor');
      const valid = (t: string) => {
        const check = verifyAccessToken(deps.secret, t, deps.now());
        return check.ok && check.actor.userId === actor.userId && check.actor.role === actor.role && check.actor.teamId === actor.teamId;
      };
      hub.attach(socket, actor, { token, valid });
    });
    done();
  });
  return { app, hub };
}
