import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { LoginLimiter } from './rate-limit';
import { issueAccessToken, verifyAccessToken } from './tokens';

const secret = Buffer.alloc(32, 7);
const actor = { userId: 'u1', role: 'agent' as const, teamId: 't1' };

describe('auth building blocks', () => {
  it('accepts the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const h1 = await hashPassword('回访-secret');
    const h2 = await hashPassword('回访-secret');
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('回访-secret', h1)).toBe(true);
    expect(await verifyPassword('回访-Secret', h1)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('accepts an access token until it expires and refuses a tampered one', () => {
    const token = issueAccessToken(secret, actor, 1000, 60_000);
    expect(verifyAccessToken(secret, token, 2000)).toEqual({ ok: true, actor });
    expect(verifyAccessToken(secret, token, 61_000)).toEqual({ ok: false, reason: 'expired' });
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin', team: null, exp: 9e12 })).toString('base64url');
    expect(verifyAccessToken(secret, `${forged}.${mac}`, 2000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAccessToken(Buffer.alloc(32, 8), `${body}.${mac}`, 2000)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('blocks a user after five failures from one address until the window passes', () => {
    const limiter = new LoginLimiter(5, 30, 60_000);
    for (let i = 0; i < 5; i++) limiter.fail('a1', '10.0.0.1', 1000 + i);
    expect(limiter.retryAfter('a1', '10.0.0.1', 2000)).toBeGreaterThan(0);
    expect(limiter.retryAfter('a2', '10.0.0.1', 2000)).toBe(0);
    expect(limiter.retryAfter('a1', '10.0.0.1', 62_000)).toBe(0);
  });
});
