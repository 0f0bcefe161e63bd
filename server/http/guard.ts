import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/queries';
import { verifyAccessToken } from '../auth/tokens';
import { atLeast, type Actor } from '../store/access';
import { HttpError } from './errors';

/** `Authorization: Bearer …`, or `?access_token=` for the WebSocket (browsers cannot set its headers). */
export function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.access_token === 'string' ? q.access_token : null;
}

/** 401 without a valid token, 403 below the route's role: checked before the body is even parsed. */
export function authorize(req: FastifyRequest, secret: Buffer, now: number, minRole: Role): Actor {
  const token = tokenOf(req);
  if (!token) throw new HttpError('unauthorized', 'sign in first: no access token', undefined, { 'www-authenticate': 'Bearer' });
  const check = verifyAccessToken(secret, token, now);
  if (!check.ok) throw new HttpError('unauthorized', `access token ${check.reason.replace('_', ' ')}`, undefined, { 'www-authenticate': 'Bearer' });
  if (!atLeast(check.actor, minRole)) throw new HttpError('forbidden', `this needs the ${minRole} role`);
  return check.actor;
}
