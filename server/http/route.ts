import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginLimiter } from '../auth/rate-limit';
import type { Role } from '../db/queries';
import type { Actor } from '../store/access';
import type { Store } from '../store/store';

export interface Deps {
  store: Store;
  secret: Buffer;
  limiter: LoginLimiter;
  now: () => number;
}

/**
 * One row per endpoint: the table drives registration and the role × route tests, so a new route
 * cannot forget its access rule.
 */
export interface Route {
  method: 'GET' | 'POST';
  url: string;
  /** The lowest role allowed; team checks on the data itself happen in the store. */
  access: 'public' | Role;
  bodyLimit?: number;
  handler(ctx: { req: FastifyRequest; reply: FastifyReply; actor: Actor | null; deps: Deps }): Promise<unknown>;
}

export function actorOf(actor: Actor | null): Actor {
  if (!actor) throw new Error('route declared public but needs an actor');
  return actor;
}
