import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_ROUTE, ROUTES } from '../../../server/app';
import { ROLE_RANK } from '../../../server/store/access';
import { auth, engines, world, type World } from './harness';

/**
 * Table-driven over every route × role: no token → 401; a role below the route's → 403; and an
 * agent or supervisor reaching into another team's customer or task → 403, on both engines.
 */
for (const engine of engines('tests/integration/server/access')) {
  describe.skipIf(engine.open === null)(`access control on ${engine.name}`, () => {
    let w: World;
    let customerA = '';
    let taskA = '';
    beforeAll(async () => {
      w = await world(engine);
      const imported = await w.app.inject({
        method: 'POST',
        url: '/import/customers',
        headers: auth(w.users.supA.token),
        payload: [{ external_id: 'crm-a', name: '张三', phone: '13800138000' }],
      });
      expect(imported.statusCode).toBe(200);
      const pulled = await w.store.pull({ userId: w.users.supA.id, role: 'supervisor', teamId: w.teams.A }, 0, 10);
      const c = pulled.changes[0];
      if (c?.domain !== 'customer') throw new Error('expected the imported customer');
      customerA = c.customer.id;
      const task = await w.app.inject({
        method: 'POST',
        url: '/tasks',
        headers: auth(w.users.supA.token),
        payload: { customerId: customerA, type: 'care', dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z' },
      });
      expect(task.statusCode).toBe(201);
      taskA = (task.json<{ id: string }>()).id;
      // a1 holds the task, so a2 (same team) may not read it either while the lease lasts.
      expect((await w.app.inject({ method: 'POST', url: `/tasks/${taskA}/claim`, headers: auth(w.users.a1.token) })).json()).toMatchObject({ granted: true });
    });
    afterAll(async () => w?.close());

    const urlOf = (url: string) => url.replace(':id', url.startsWith('/tasks') ? taskA : customerA).replace(':kind', 'customers');

    const protectedRoutes = [...ROUTES, LIVE_ROUTE].filter((r) => r.access !== 'public');
    it.each(protectedRoutes.map((r) => [r.method, r.url] as const))('%s %s answers 401 without a token', async (method, url) => {
      const res = await w.app.inject({ method, url: urlOf(url) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    });

    it.each(ROUTES.filter((r) => r.access !== 'public' && r.method === 'POST').map((r) => [r.method, r.url] as const))(
      '%s %s refuses a caller without a token before reading the body (401, not a parse error)',
      async (method, url) => {
        const res = await w.app.inject({ method, url: urlOf(url), headers: { 'content-type': 'application/json' }, payload: '{"not json' });
        expect(res.statusCode).toBe(401);
      },
    );
    it.each(ROUTES.filter((r) => r.access === 'admin' && r.method === 'POST').map((r) => [r.method, r.url] as const))(
      '%s %s refuses an agent before reading the body (403, not a parse error)',
      async (method, url) => {
        const res = await w.app.inject({ method, url: urlOf(url), headers: { ...auth(w.users.a1.token), 'content-type': 'application/json' }, payload: '{"not json' });
        expect(res.statusCode).toBe(403);
      },
    );

    const denied = ROUTES.flatMap((r) =>
      r.access === 'public'
        ? []
        : (['a1', 'supA'] as const).filter((u) => ROLE_RANK[u === 'a1' ? 'agent' : 'supervisor'] < ROLE_RANK[r.access as 'agent']).map((u) => [u, r.method, r.url] as const),
    );
    it('covers every supervisor and admin route', () => {
      expect(denied.length).toBe(ROUTES.filter((r) => r.access === 'supervisor').length + 2 * ROUTES.filter((r) => r.access === 'admin').length);
    });
    it.each(denied)('%s gets 403 on %s %s', async (user, method, url) => {
      const res = await w.app.inject({ method, url: urlOf(url), headers: auth(w.users[user].token), payload: {} });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    });

    const crossTeam = [
      ['b1', 'GET', '/customers/:id'],
      ['b1', 'GET', '/customers/:id/history'],
      ['b1', 'GET', '/tasks/:id'],
      ['b1', 'POST', '/tasks/:id/claim'],
      ['b1', 'POST', '/tasks/:id/release'],
      ['a2', 'GET', '/tasks/:id'],
      ['supB', 'GET', '/customers/:id'],
      ['supB', 'GET', '/tasks/:id'],
      ['supB', 'POST', '/tasks'],
      ['supB', 'POST', '/import/:kind?teamId=TEAM_A'],
      ['supB', 'GET', '/team/users?teamId=TEAM_A'],
    ] as const;
    it.each(crossTeam)('%s gets 403 on %s %s of team A', async (user, method, url) => {
      const payload = url === '/tasks' ? { customerId: customerA, type: 'care', dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z' } : url.includes('release') ? { leaseEpoch: 1 } : [];
      const res = await w.app.inject({ method, url: urlOf(url).replace('TEAM_A', w.teams.A), headers: auth(w.users[user].token), payload });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    });

    it('refuses a pushed op on another team’s customer and never shows that team in the feed', async () => {
      const res = await w.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: auth(w.users.b1.token),
        payload: {
          clientId: 'b-console',
          ops: [{ type: 'customer.patch', opId: 'op-b1-0001', hlc: `${String(Date.now()).padStart(15, '0')}:00000:b`, customerId: customerA, fields: { city: '北京' } }],
        },
      });
      expect(res.json()).toMatchObject({ acks: [{ status: 'rejected', code: 'forbidden' }] });
      const pull = await w.app.inject({ method: 'GET', url: '/sync/pull?since=0', headers: auth(w.users.b1.token) });
      expect(pull.json()).toMatchObject({ changes: [] });
    });

    it('lets the admin read team A and the team’s agents read their customer', async () => {
      for (const u of ['admin', 'a2', 'supA'] as const) {
        expect((await w.app.inject({ method: 'GET', url: `/customers/${customerA}`, headers: auth(w.users[u].token) })).statusCode).toBe(200);
      }
      expect((await w.app.inject({ method: 'GET', url: '/admin/teams', headers: auth(w.users.admin.token) })).statusCode).toBe(200);
    });
  });
}
