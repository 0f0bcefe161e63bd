import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: 32 random bytes, URL-safe, so it can travel in a fragment or a query. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that timingSafeEqual gets equal lengths
 * and the time taken says nothing about the expected token's length either.
 */
export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || expected.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
