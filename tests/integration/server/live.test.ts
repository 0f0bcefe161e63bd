import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../../server/app';
import { openStore } from '../../../server/store/open';
import type { LiveServerMessage, Operation } from '../../../shared/sync';
import { issueAccessToken } from '../../../server/auth/tokens';
import { SECRET, auth, engines, world, type World } from './harness';

/** Opens the live channel and collects what the server streams. */
async function listen(base: string, token: string, cursor: number) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/sync/live?access_token=${token}`);
  const received: LiveServerMessage[] = [];
  ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8')) as LiveServerMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', cursor }));
  const eventIds = () => received.flatMap((m) => (m.type === 'changes' ? m.changes.flatMap((c) => (c.domain === 'history' ? [c.event.id] : [])) : []));
  return { ws, received, eventIds };
}

const note = (n: string, customerId: string): Operation => ({
  type: 'history.append',
  opId: `op-live-${n}`,
  hlc: `${String(Date.now()).padStart(15, '0')}:00000:c2`,
  event: { id: `ev-live-${n}`, customerId, kind: 'note', occurredAt: '2026-11-25T08:00:00.000Z', summary: n, payload: { text: n, author: null } },
});

for (const engine of engines('tests/integration/server/live')) {
  describe.skipIf(engine.open === null)(`live changes on ${engine.name}`, () => {
    let w: World;
    let base = '';
    let customerId = '';
    const sockets: WebSocket[] = [];
    beforeAll(async () => {
      w = await world(engine);
      base = await w.app.listen({ host: '127.0.0.1', port: 0 });
      await w.app.inject({ method: 'POST', url: '/import/customers', headers: auth(w.users.supA.token), payload: [{ external_id: 'l-1', name: '客户', phone: '13800138000' }] });
      const c = (await w.store.pull({ userId: w.users.admin.id, role: 'admin', teamId: null }, 0, 10)).changes[0];
      if (c?.domain !== 'customer') throw new Error('no customer');
      customerId = c.customer.id;
    });
    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await w?.close();
    });

    it('streams what the console missed, then every new change of its team, and nothing of other teams', async () => {
      const a1 = await listen(base, w.users.a1.token, 0);
      const b1 = await listen(base, w.users.b1.token, 0);
      sockets.push(a1.ws, b1.ws);
      await expect.poll(() => a1.received.some((m) => m.type === 'changes' && m.changes.some((c) => c.domain === 'customer'))).toBe(true);
      const push = await w.app.inject({ method: 'POST', url: '/sync/push', headers: auth(w.users.a2.token), payload: { clientId: 'c2', ops: [note('1', customerId)] } });
      expect(push.json()).toMatchObject({ acks: [{ status: 'applied' }] });
      await expect.poll(() => a1.eventIds()).toEqual(['ev-live-1']);
      expect(b1.received).toEqual([]);
    });

    it('serves every listening console of a commit from one read of the feed, each only its own scope', async () => {
      const head = await w.store.headSeq();
      const names = ['a1', 'a2', 'b1', 'supA', 'supB', 'admin'] as const;
      const consoles = await Promise.all(names.map((n) => listen(base, w.users[n].token, head)));
      sockets.push(...consoles.map((c) => c.ws));
      // Every console has said hello and been brought to the head: from here on they share a cursor.
      await new Promise((r) => setTimeout(r, 300));
      const store = w.store;
      const reads = { many: 0, single: 0 };
      const pullMany = store.pullMany.bind(store);
      const pull = store.pull.bind(store);
      store.pullMany = (...args) => (reads.many++, pullMany(...args));
      store.pull = (...args) => (reads.single++, pull(...args));
      try {
        const push = await w.app.inject({ method: 'POST', url: '/sync/push', headers: auth(w.users.a2.token), payload: { clientId: 'c2', ops: [note('fan-1', customerId)] } });
        expect(push.json()).toMatchObject({ acks: [{ status: 'applied' }] });
        const sees = names.map((n) => ['a1', 'a2', 'supA', 'admin'].includes(n));
        await expect.poll(() => consoles.map((c) => c.eventIds().includes('ev-live-fan-1'))).toEqual(sees);
        await new Promise((r) => setTimeout(r, 200));
        expect(consoles.map((c) => c.eventIds().includes('ev-live-fan-1'))).toEqual(sees);
        // No console read the feed on its own; one shared read per wake-up (a second wake-up, from
        // this process's own notice and PostgreSQL's NOTIFY arriving apart, reads an empty page).
        expect(reads.single).toBe(0);
        expect(reads.many).toBeGreaterThanOrEqual(1);
        expect(reads.many).toBeLessThanOrEqual(2);
      } finally {
        store.pullMany = pullMany;
        store.pull = pull;
      }
    });

    it('takes pushes over the live channel: an ack per op, a repeat is a duplicate, a malformed op is refused alone', async () => {
      const a2 = await listen(base, w.users.a2.token, await w.store.headSeq());
      sockets.push(a2.ws);
      const acks = (id: number) => a2.received.find((m) => m.type === 'acks' && m.id === id);
      a2.ws.send(JSON.stringify({ type: 'push', id: 1, clientId: 'c2', ops: [note('ws-1', customerId), { opId: 'op-live-broken', type: 'history.append' }] }));
      await expect.poll(() => acks(1)).toMatchObject({ acks: [{ opId: 'op-live-ws-1', status: 'applied' }, { opId: 'op-live-broken', status: 'rejected', code: 'bad_request' }] });
      a2.ws.send(JSON.stringify({ type: 'push', id: 2, clientId: 'c2', ops: [note('ws-1', customerId)] }));
      await expect.poll(() => acks(2)).toMatchObject({ acks: [{ opId: 'op-live-ws-1', status: 'duplicate' }] });
      // Applied like a push over HTTP: the note is in the customer's history once.
      const events = (await w.store.pull({ userId: w.users.admin.id, role: 'admin', teamId: null }, 0, 1000)).changes.filter((c) => c.domain === 'history' && c.event.id === 'ev-live-ws-1');
      expect(events).toHaveLength(1);
    });

    it('refuses a push over the live channel once its token has expired until a fresh token of the same account arrives, and a push without ops', async () => {
      const { userId, role, teamId } = { userId: w.users.a2.id, role: w.users.a2.role, teamId: w.users.a2.teamId };
      const shortLived = issueAccessToken(SECRET, { userId, role, teamId }, Date.now(), 400);
      const a2 = await listen(base, shortLived, await w.store.headSeq());
      sockets.push(a2.ws);
      a2.ws.send(JSON.stringify({ type: 'push', id: 7, clientId: 'c2', ops: [] }));
      await expect.poll(() => a2.received.find((m) => m.type === 'error')).toMatchObject({ code: 'bad_request' });
      await new Promise((r) => setTimeout(r, 500));
      a2.ws.send(JSON.stringify({ type: 'push', id: 8, clientId: 'c2', ops: [note('ws-late', customerId)] }));
      await expect.poll(() => a2.received.find((m) => m.type === 'error' && m.id === 8)).toMatchObject({ code: 'unauthorized' });
      expect((await w.store.pull({ userId: w.users.admin.id, role: 'admin', teamId: null }, 0, 1000)).changes.some((c) => c.domain === 'history' && c.event.id === 'ev-live-ws-late')).toBe(false);
      // Another account's token does not take the socket over; a fresh one of its own does.
      a2.ws.send(JSON.stringify({ type: 'auth', token: w.users.a1.token }));
      a2.ws.send(JSON.stringify({ type: 'push', id: 9, clientId: 'c2', ops: [note('ws-late', customerId)] }));
      await expect.poll(() => a2.received.find((m) => m.type === 'error' && m.id === 9)).toMatchObject({ code: 'unauthorized' });
      a2.ws.send(JSON.stringify({ type: 'auth', token: w.users.a2.token }));
      a2.ws.send(JSON.stringify({ type: 'push', id: 10, clientId: 'c2', ops: [note('ws-late', customerId)] }));
      await expect.poll(() => a2.received.find((m) => m.type === 'acks' && m.id === 10)).toMatchObject({ acks: [{ status: 'applied' }] });
    });

    it('refuses the live channel without a valid token', async () => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/sync/live?access_token=nope`);
      const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      expect(status).toBe(401);
    });

    it.skipIf(engine.name !== 'PostgreSQL')('reaches consoles on another server process through LISTEN/NOTIFY', async () => {
      const other = await openStore(w.where);
      const { app: app2 } = await buildApp({ store: other, secret: SECRET });
      const base2 = `http://127.0.0.1:${((await app2.listen({ host: '127.0.0.1', port: 0 }), app2.server.address()) as AddressInfo).port}`;
      try {
        const a1 = await listen(base2, w.users.a1.token, await w.store.headSeq());
        sockets.push(a1.ws);
        // Written through process 1, seen live by a console connected to process 2.
        await w.app.inject({ method: 'POST', url: '/sync/push', headers: auth(w.users.a2.token), payload: { clientId: 'c2', ops: [note('2', customerId)] } });
        await expect.poll(() => a1.eventIds()).toEqual(['ev-live-2']);
      } finally {
        await app2.close();
        await other.close();
      }
    });
  });
}

