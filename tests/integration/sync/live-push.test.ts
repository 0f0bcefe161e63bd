import { describe, expect, it } from 'vitest';
import { engines } from '../server/harness';
import { PASSWORD, cleanupsAfterAll, consoleHost, seededServer, settled, status, until } from './rig';

const note = (id: string, customerId: string) => ({ id, customerId, kind: 'note' as const, occurredAt: new Date().toISOString(), summary: id, payload: { text: id, author: null } });

for (const engine of engines('tests/integration/sync/live-push')) {
  describe.skipIf(engine.open === null)(`an online console's pushes (${engine.name})`, () => {
    const cleanup = cleanupsAfterAll();

    it('go over the live channel, not one HTTP request each, and survive the channel dropping mid-way', async () => {
      const { store, server, customerIds } = await seededServer(engine, cleanup, 1, 0);
      // Every HTTP request the console makes, by path.
      const requests: string[] = [];
      const counting: typeof fetch = (input, init) => {
        requests.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      };
      const host = consoleHost({ fetch: counting });
      cleanup(() => host.close());
      await host.handlers.login({ server: server.base, username: 'a1', password: PASSWORD });
      await settled(host);
      const before = requests.filter((p) => p === '/sync/push').length;

      const customerId = customerIds[0]!;
      for (let i = 0; i < 5; i++) {
        host.sync.writes.appendEvent(note(`ev-ws-${i}`, customerId));
        await settled(host);
      }
      expect(requests.filter((p) => p === '/sync/push').length).toBe(before);
      const admin = { userId: 'x', role: 'admin' as const, teamId: null };
      const onServer = async () => (await store.pull(admin, 0, 1000)).changes.filter((c) => c.domain === 'history' && c.event.id.startsWith('ev-ws-')).length;
      expect(await onServer()).toBe(5);

      // The server goes away with notes just written: they wait, then arrive once.
      for (let i = 5; i < 25; i++) host.sync.writes.appendEvent(note(`ev-ws-${i}`, customerId));
      await server.down();
      await until('offline', () => status(host).state, (s) => s === 'offline');
      await server.up();
      await settled(host);
      expect(await onServer()).toBe(25);
    }, 60_000);
  });
}
