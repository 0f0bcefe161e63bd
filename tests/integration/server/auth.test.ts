import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../../server/auth/tokens';
import { PASSWORD, SECRET, engines, world, type World } from './harness';

for (const engine of engines('tests/integration/server/auth')) {
  describe.skipIf(engine.open === null)(`sign-in on ${engine.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await world(engine);
    });
    afterAll(async () => w?.close());

    const login = (username: string, password: string, ip = '10.0.0.1') =>
      w.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password }, remoteAddress: ip });

    it('signs in, refreshes once per refresh token, and signs out', async () => {
      const res = await login('a1', PASSWORD);
      expect(res.statusCode).toBe(200);
      const s = res.json<{ accessToken: string; refreshToken: string; user: { username: string; role: string } }>();
      expect(s.user).toMatchObject({ username: 'a1', role: 'agent' });
      expect((await w.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${s.accessToken}` } })).json()).toMatchObject({ username: 'a1' });
      const next = await w.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: s.refreshToken } });
      expect(next.statusCode).toBe(200);
      const reused = await w.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: s.refreshToken } });
      expect(reused.json()).toMatchObject({ error: { code: 'unauthorized', field: 'refreshToken' } });
      const fresh = next.json<{ accessToken: string; refreshToken: string }>();
      await w.app.inject({ method: 'POST', url: '/auth/logout', headers: { authorization: `Bearer ${fresh.accessToken}` } });
      expect((await w.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: fresh.refreshToken } })).statusCode).toBe(401);
    });

    it('answers a bad body with the field, a wrong password with 401, and rate-limits guessing', async () => {
      const bad = await w.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'a2' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'bad_request', field: 'password' } });
      for (let i = 0; i < 5; i++) expect((await login('a2', 'wrong password', '10.0.0.9')).statusCode).toBe(401);
      const limited = await login('a2', PASSWORD, '10.0.0.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await login('a2', PASSWORD, '10.0.0.10')).statusCode).toBe(200);
    });

    it('refuses an expired or forged access token', async () => {
      const old = issueAccessToken(SECRET, { userId: w.users.a1.id, role: 'agent', teamId: w.teams.A }, Date.now() - 3_600_000, 60_000);
      expect((await w.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${old}` } })).json()).toMatchObject({
        error: { code: 'unauthorized', message: 'access token expired' },
      });
      const forged = issueAccessToken(Buffer.alloc(32, 1), { userId: w.users.a1.id, role: 'admin', teamId: null }, Date.now());
      expect((await w.app.inject({ method: 'GET', url: '/admin/teams', headers: { authorization: `Bearer ${forged}` } })).statusCode).toBe(401);
    });

    it('lets the admin create teams and users, naming the bad field', async () => {
      const h = { authorization: `Bearer ${w.users.admin.token}` };
      const team = await w.app.inject({ method: 'POST', url: '/admin/teams', headers: h, payload: { name: '售后组' } });
      expect(team.statusCode).toBe(201);
      const short = await w.app.inject({ method: 'POST', url: '/admin/users', headers: h, payload: { username: 'c1', password: 'short', role: 'agent', teamId: team.json<{ id: string }>().id } });
      expect(short.json()).toMatchObject({ error: { code: 'bad_request', field: 'password' } });
      const ok = await w.app.inject({ method: 'POST', url: '/admin/users', headers: h, payload: { username: 'c1', password: PASSWORD, role: 'agent', teamId: team.json<{ id: string }>().id } });
      expect(ok.statusCode).toBe(201);
      expect((await login('c1', PASSWORD, '10.0.0.20')).statusCode).toBe(200);
    });
  });
}
