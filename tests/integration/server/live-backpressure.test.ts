import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { LiveHub, MAX_BUFFERED_BYTES } from '../../../server/sync/live';
import type { LiveServerMessage, Operation } from '../../../shared/sync';
import { engines, world, type World } from './harness';

/**
 * A console's socket as the hub sees it, whose unsent bytes the test sets: a console on a slow link
 * (or one that stopped reading) without waiting for the kernel's buffers to fill.
 */
class SlowSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly received: LiveServerMessage[] = [];
  send(data: string | Buffer): void {
    this.received.push(JSON.parse(data.toString()) as LiveServerMessage);
  }
  hello(cursor: number): void {
    this.emit('message', Buffer.from(JSON.stringify({ type: 'hello', cursor })));
  }
  eventIds(): string[] {
    return this.received.flatMap((m) => (m.type === 'changes' ? m.changes.flatMap((c) => (c.domain === 'history' ? [c.event.id] : [])) : []));
  }
  lastCursor(): number | undefined {
    return this.received.flatMap((m) => (m.type === 'changes' ? [m.cursor] : [])).at(-1);
  }
}

const note = (n: number, customerId: string): Operation => ({
  type: 'history.append',
  opId: `op-slow-${n}`,
  hlc: `${String(Date.now()).padStart(15, '0')}:00000:c2`,
  event: { id: `ev-slow-${String(n).padStart(4, '0')}`, customerId, kind: 'note', occurredAt: '2026-11-25T08:00:00.000Z', summary: `n${n}`, payload: { text: `note ${n}`, author: null } },
});

for (const engine of engines('tests/integration/server/live-backpressure')) {
  describe.skipIf(engine.open === null)(`a console that cannot keep up (${engine.name})`, () => {
    let w: World;
    let customerId = '';
    beforeAll(async () => {
      w = await world(engine);
      const supA = { userId: w.users.supA.id, role: 'supervisor' as const, teamId: w.teams.A };
      await w.store.importCustomer(w.teams.A, { externalId: 'slow-1', fields: { name: '慢客户', segment: null, tags: [], region: 'CN', timeZone: null, email: null, company: null, city: null, language: null }, phones: [] });
      const c = (await w.store.pull(supA, 0, 10)).changes.find((x) => x.domain === 'customer');
      if (c?.domain !== 'customer') throw new Error('no customer');
      customerId = c.customer.id;
    });
    afterAll(() => w?.close());

    it('is skipped while its socket is backed up, its colleagues are not, and it then gets every change once, in order, from where it was', async () => {
      const hub = new LiveHub(w.store);
      try {
        const a1 = { userId: w.users.a1.id, role: 'agent' as const, teamId: w.teams.A };
        const a2 = { userId: w.users.a2.id, role: 'agent' as const, teamId: w.teams.A };
        const slow = new SlowSocket();
        const fast = new SlowSocket();
        hub.attach(slow as unknown as WebSocket, a1);
        hub.attach(fast as unknown as WebSocket, a2);
        const head = await w.store.headSeq();
        slow.hello(head);
        fast.hello(head);

        await w.store.push(a2, 'c2', [note(1, customerId)]);
        await expect.poll(() => [slow.eventIds(), fast.eventIds()]).toEqual([['ev-slow-0001'], ['ev-slow-0001']]);

        // The slow console's link stalls: the hub stops writing to it, its colleague goes on.
        slow.bufferedAmount = MAX_BUFFERED_BYTES + 1;
        for (let n = 2; n <= 40; n++) await w.store.push(a2, 'c2', [note(n, customerId)]);
        const all = Array.from({ length: 40 }, (_, i) => `ev-slow-${String(i + 1).padStart(4, '0')}`);
        await expect.poll(() => fast.eventIds()).toEqual(all);
        await new Promise((r) => setTimeout(r, 250));
        expect(slow.eventIds()).toEqual(['ev-slow-0001']);
        expect(hub.heldBackRounds).toBeGreaterThan(0);

        // Its socket drains: with no new commit, it is caught up from its own cursor, nothing twice.
        slow.bufferedAmount = 0;
        await expect.poll(() => slow.eventIds()).toEqual(all);
        expect(slow.lastCursor()).toBe(await w.store.headSeq());
        expect(fast.lastCursor()).toBe(await w.store.headSeq());
      } finally {
        hub.close();
      }
    });
  });
}
