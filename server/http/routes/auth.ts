import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from '../../auth/passwords';
import { ACCESS_TTL_MS, REFRESH_TTL_MS, hashRefreshToken, issueAccessToken, newRefreshToken } from '../../auth/tokens';
import type { UserRow } from '../../db/queries';
import { HttpError, parseOr400 } from '../errors';
import { actorOf, type Deps, type Route } from '../route';

const Login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const Refresh = z.object({ refreshToken: z.string().min(20).max(200) });

export const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, role: u.role, teamId: u.teamId });

async function session(deps: Deps, user: UserRow) {
  const now = deps.now();
  const actor = { userId: user.id, role: user.role, teamId: user.teamId };
  const refreshToken = newRefreshToken();
  await deps.store.saveRefreshToken(hashRefreshToken(refreshToken), user.id, now + REFRESH_TTL_MS);
  return { accessToken: issueAccessToken(deps.secret, actor, now), expiresInSec: ACCESS_TTL_MS / 1000, refreshToken, user: publicUser(user) };
}

export const authRoutes: Route[] = [
  {
    method: 'POST',
    url: '/auth/login',
    access: 'public',
    async handler({ req, deps }) {
      const { username, password } = parseOr400(Login, req.body);
      const now = deps.now();
      const wait = deps.limiter.retryAfter(username, req.ip, now);
      if (wait > 0) {
        throw new HttpError('rate_limited', `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s`, undefined, {
          'retry-after': String(Math.ceil(wait / 1000)),
        });
      }
      const user = await deps.store.findUser(username);
      // Always pay for one scrypt, so response time does not tell which user names exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) {
        deps.limiter.fail(username, req.ip, now);
        throw new HttpError('unauthorized', 'wrong user name or password');
      }
      deps.limiter.succeed(username, req.ip);
      return session(deps, user);
    },
  },
  {
    method: 'POST',
    url: '/auth/refresh',
    access: 'public',
    async handler({ req, deps }) {
      const { refreshToken } = parseOr400(Refresh, req.body);
      const found = await deps.store.takeRefreshToken(hashRefreshToken(refreshToken));
      if (!found || found.expiresAt <= deps.now()) throw new HttpError('unauthorized', 'refresh token expired or already used; sign in again', 'refreshToken');
      const user = await deps.store.getUser(found.userId);
      if (!user) throw new HttpError('unauthorized', 'this account no longer exists');
      return session(deps, user);
    },
  },
  {
    method: 'POST',
    url: '/auth/logout',
    access: 'agent',
    async handler({ actor, deps }) {
      await deps.store.revokeRefreshTokens(actorOf(actor).userId);
      return { ok: true };
    },
  },
  {
    method: 'GET',
    url: '/me',
    access: 'agent',
    async handler({ actor, deps }) {
      const user = await deps.store.getUser(actorOf(actor).userId);
      if (!user) throw new HttpError('unauthorized', 'this account no longer exists');
      return publicUser(user);
    },
  },
];
