import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../store/access';

/**
 * Access tokens are short-lived and stateless: `base64url(claims).base64url(HMAC-SHA256)`, checked
 * without a database read. Refresh tokens are random, stored only as a SHA-256, and work once
 * (each refresh hands out a new one), so a stolen refresh token is noticed at the next refresh.
 */
const Claims = z.object({
  sub: z.string(),
  role: z.enum(['agent', 'supervisor', 'admin']),
  team: z.string().nullable(),
  exp: z.number(),
});

export const ACCESS_TTL_MS = 15 * 60_000;
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60_000;

function sign(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function issueAccessToken(secret: Buffer, actor: Actor, now: number, ttlMs = ACCESS_TTL_MS): string {
  const body = Buffer.from(JSON.stringify({ sub: actor.userId, role: actor.role, team: actor.teamId, exp: now + ttlMs })).toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

export type TokenCheck = { ok: true; actor: Actor } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyAccessToken(secret: Buffer, token: string, now: number): TokenCheck {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = sign(secret, body);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let parsed: z.infer<typeof Claims>;
  try {
    parsed = Claims.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, actor: { userId: parsed.sub, role: parsed.role, teamId: parsed.team } };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
