import { describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/composition';
import type { HistoryEvent } from '../../../shared/domain';
import { engines } from '../server/harness';
import { PASSWORD, cleanupsAfterAll, consoleHost, seededServer, settled, status, until } from './rig';

const note = (id: string, customerId: string, text: string): HistoryEvent => ({
  id,
  customerId,
  kind: 'note',
  occurredAt: new Date().toISOString(),
  summary: text,
  payload: { text, author: null },
});

/** What an agent sees of a customer on a console: the record, the timeline, the tasks. */
function view(host: Host, customerId: string, taskIds: string[]) {
  const c = host.db.prepare('SELECT name, segment, city, email, company FROM customers WHERE id = ?').get(customerId);
  const events = host.db.prepare('SELECT id FROM history_events WHERE customer_id = ? ORDER BY id').pluck().all(customerId);
  const tasks = taskIds.map((id) => host.db.prepare('SELECT id, status, attempts FROM followup_tasks WHERE id = ?').get(id));
  return { c, events, tasks };
}

for (const engine of engines('tests/integration/sync/converge')) {
  describe.skipIf(engine.open === null)(`two consoles offline, then back (${engine.name})`, () => {
    const cleanup = cleanupsAfterAll();

    it('edits, notes and outcomes made offline on both consoles converge after reconnect', async () => {
      const { store, server, customerIds, taskIds } = await seededServer(engine, cleanup, 3, 2);
      const one = consoleHost();
      const two = consoleHost();
      cleanup(() => one.close(), () => two.close());

      await one.handlers.login({ server: server.base, username: 'a1', password: PASSWORD });
      await two.handlers.login({ server: server.base, username: 'a2', password: PASSWORD });
      await Promise.all([settled(one), settled(two)]);
      expect(one.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(3);
      const [t1, t2] = taskIds as [string, string];
      expect((await one.sync.client.claim(t1)).granted).toBe(true);
      expect((await two.sync.client.claim(t2)).granted).toBe(true);
      // A task held by a colleague cannot be taken: the lease is the server's decision.
      expect((await two.sync.client.claim(t1)).granted).toBe(false);

      await server.down();
      await Promise.all([one, two].map((h) => until('offline', () => status(h).state, (s) => s === 'offline')));
      const alice = customerIds[0]!;
      // Both edit the same customer offline: different fields both survive; the same field goes to the later edit.
      one.sync.writes.patchCustomer(alice, { city: '北京', segment: 'vip' });
      await new Promise((r) => setTimeout(r, 5));
      two.sync.writes.patchCustomer(alice, { email: 'li@example.cn', segment: 'gold' });
      one.sync.writes.appendEvent(note('ev-one-1', alice, '客户要求周五回电'));
      two.sync.writes.appendEvent(note('ev-two-1', alice, '已发短信'));
      one.sync.writes.recordOutcome({ taskId: t1, result: 'done', agentId: null, event: note('ev-one-outcome', alice, '满意') });
      two.sync.writes.recordOutcome({ taskId: t2, result: 'retry', agentId: null, event: note('ev-two-outcome', customerIds[1]!, '无人接听') });
      expect(status(one)).toMatchObject({ state: 'offline', pending: 3 });
      expect(status(one).offlineSince).not.toBeNull();

      await server.up();
      await Promise.all([settled(one), settled(two)]);
      const expected = {
        c: { name: '客户 0', segment: 'gold', city: '北京', email: 'li@example.cn', company: null },
        events: ['ev-one-1', 'ev-one-outcome', 'ev-two-1'],
        tasks: [
          { id: t1, status: 'done', attempts: 1 },
          { id: t2, status: 'queued', attempts: 1 },
        ],
      };
      await until('both consoles converged', () => [view(one, alice, taskIds), view(two, alice, taskIds)], ([a, b]) => JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(a) === JSON.stringify(expected));
      const onServer = await store.getCustomer({ userId: 'x', role: 'admin', teamId: null }, alice);
      expect(onServer.customer).toMatchObject({ segment: 'gold', city: '北京', email: 'li@example.cn' });
    }, 60_000);
  });
}
