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

/**
 * Tokens already verified, per key: a console sends the same access token with every request for
 * 15 minutes, and the HMAC, JSON and schema check cost more than a whole pushed op. The token string
 * is the key, so only a byte-identical, correctly signed token hits; its expiry is still checked.
 */
const verified = new WeakMap<Buffer, Map<string, { actor: Actor; exp: number }>>();
const MAX_CACHED = 10_000;

export function verifyAccessToken(secret: Buffer, token: string, now: number): TokenCheck {
  let cache = verified.get(secret);
  const hit = cache?.get(token);
  if (hit) return hit.exp <= now ? { ok: false, reason: 'expired' } : { ok: true, actor: { ...hit.actor } };
  const check = verifyUncached(secret, token, now);
  if (check.ok) {
    if (!cache) verified.set(secret, (cache = new Map<string, { actor: Actor; exp: number }>()));
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(token, { actor: { ...check.actor }, exp: check.exp });
  }
  return check.ok ? { ok: true, actor: check.actor } : check;
}

function verifyUncached(secret: Buffer, token: string, now: number): { ok: true; actor: Actor; exp: number } | Extract<TokenCheck, { ok: false }> {
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
  return { ok: true, actor: { userId: parsed.sub, role: parsed.role, teamId: parsed.team }, exp: parsed.exp };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
