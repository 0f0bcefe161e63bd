import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResponse } from '../../../shared/sync';
import { auth, engines, world, type World } from './harness';

/**
 * 1,000 claims of one task over real HTTP at once: exactly one console wins, on both engines.
 * All 1,000 requests are in flight together; the client spreads them over 100 keep-alive sockets
 * (as a load balancer would), because opening 1,000 sockets from one test process measures the
 * test's TCP setup, not the server.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 100 });
function post(url: string, token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: auth(token) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });
}
for (const engine of engines('tests/integration/server/claims')) {
  describe.skipIf(engine.open === null)(`claims on ${engine.name}`, () => {
    let w: World;
    let base = '';
    let taskId = '';
    beforeAll(async () => {
      w = await world(engine);
      base = await w.app.listen({ host: '127.0.0.1', port: 0 });
      await w.app.inject({ method: 'POST', url: '/import/customers', headers: auth(w.users.supA.token), payload: [{ external_id: 'k-1', name: '客户', phone: '13800138000' }] });
      const c = (await w.store.pull({ userId: w.users.admin.id, role: 'admin', teamId: null }, 0, 10)).changes[0];
      if (c?.domain !== 'customer') throw new Error('no customer');
      const res = await w.app.inject({
        method: 'POST',
        url: '/tasks',
        headers: auth(w.users.supA.token),
        payload: { customerId: c.customer.id, type: 'care', dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z' },
      });
      taskId = res.json<{ id: string }>().id;
    });
    afterAll(async () => {
      agent.destroy();
      await w?.close();
    });

    it('gives the task to exactly one of 1,000 concurrent claims', async () => {
      const claimers = [w.users.a1, w.users.a2, w.users.supA];
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          const who = claimers[i % claimers.length]!;
          const res = await post(`${base}/tasks/${taskId}/claim`, who.token);
          expect(res.status).toBe(200);
          return { who: who.id, body: res.body as ClaimResponse };
        }),
      );
      const ms = performance.now() - started;
      const firstGrants = results.filter((r) => r.body.granted && !r.body.renewed);
      expect(firstGrants).toHaveLength(1);
      const winner = firstGrants[0]!.who;
      for (const r of results) {
        if (r.body.granted) expect(r.who).toBe(winner);
        else expect(r.body.holder).toBe(winner);
      }
      console.log(`[claims ${engine.name}] 1000 concurrent HTTP claims in ${ms.toFixed(0)} ms, one winner`);
    });
  });
}
