import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/domain';
import { followUpTaskId } from '../../shared/followup';
import { encodeHlc } from '../../shared/sync';
import { freshDatabase, pgBaseUrl } from '../../tests/rigs/postgres/env';
import { openPostgresEngine } from '../db/postgres/engine';
import { openSqliteEngine } from '../db/sqlite/engine';
import type { Engine } from '../db/queries';
import type { Actor } from '../store/access';
import { createStore, type Store } from '../store/store';
import { customerInput } from '../store/store.suite';
import { BUILTIN_CONFIG } from './config';
import { followUpOnEvents } from './events';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-25T08:00:00.000Z');
const pg = pgBaseUrl('server/followup');

const engines: { name: string; open: (() => Promise<{ engine: Engine; cleanup: () => Promise<void> }>) | null }[] = [
  {
    name: 'SQLite',
    open: () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'huifang-followup-'));
      return Promise.resolve({ engine: openSqliteEngine(path.join(dir, 'server.db')), cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) });
    },
  },
  {
    name: 'PostgreSQL',
    open:
      pg === null
        ? null
        : async () => {
            const db = await freshDatabase(pg, 'followup');
            return { engine: await openPostgresEngine(db.url, 5), cleanup: db.drop };
          },
  },
];

const delivered = (orderId: string) => ({
  kind: 'order' as const,
  occurredAt: new Date(T0).toISOString(),
  summary: `order ${orderId} delivered`,
  payload: { orderId, amountMinor: 19990, currency: 'CNY', items: [{ sku: 'S1', name: '保温杯', qty: 1 }], status: 'delivered' as const },
});

for (const { name, open } of engines) {
  describe.skipIf(open === null)(`follow-up rules on the server (${name})`, () => {
    const clock = { now: T0 };
    let store: Store;
    let cleanup: () => Promise<void>;
    let team = '';
    let agent: Actor;
    const customerIds: Record<string, string> = {};

    const tasksOf = async (customerId: string) => {
      const page = await store.pull(agent, 0, 1000);
      return page.changes.flatMap((c) => (c.domain === 'task' && c.task.customerId === customerId ? [c.task] : []));
    };

    beforeAll(async () => {
      const opened = await open!();
      store = createStore(opened.engine, { now: () => clock.now, nodeId: 'server', onEvent: followUpOnEvents(BUILTIN_CONFIG) });
      const drop = opened.cleanup;
      cleanup = async () => {
        await store.close();
        await drop();
      };
      team = (await store.createTeam('A')).id;
      const u = await store.createUser({ username: 'a1', passwordHash: 'x', role: 'agent', teamId: team });
      agent = { userId: u.id, role: 'agent', teamId: team };
      for (const ext of ['crm-1', 'crm-2', 'crm-3']) {
        await store.importCustomer(team, customerInput(ext, `客户 ${ext}`));
        const page = await store.pull(agent, 0, 1000);
        customerIds[ext] = page.changes.flatMap((c) => (c.domain === 'customer' ? [c.customer.id] : [])).at(-1)!;
      }
    });
    afterAll(async () => cleanup?.());

    it('an imported delivery creates one survey task, due two days later, however often it is imported', async () => {
      const input = { externalId: 'O-1', customerExternalId: 'crm-1', event: delivered('O-1') };
      expect(await store.importEvent(team, input)).toBe('inserted');
      expect(await store.importEvent(team, input)).toBe('unchanged');
      // Re-sent with a changed summary: the event updates, the rule sees the same order and creates nothing new.
      expect(await store.importEvent(team, { ...input, event: { ...input.event, summary: 'delivered (resent)' } })).toBe('updated');
      const tasks = await tasksOf(customerIds['crm-1']!);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        id: followUpTaskId('survey-delivered', customerIds['crm-1']!, 'order:O-1'),
        type: 'satisfaction_survey',
        status: 'queued',
        dueAt: new Date(T0 + 2 * DAY).toISOString(),
        team: 'survey',
      });
    });

    it('a resolved complaint pushed by a console creates a care call; a second one while it is open does not', async () => {
      const customerId = customerIds['crm-2']!;
      const ticket = (id: string, ticketId: string): HistoryEvent => ({
        id,
        customerId,
        kind: 'ticket',
        occurredAt: new Date(T0).toISOString(),
        summary: 'complaint resolved',
        payload: { ticketId, category: 'complaint', subject: '漏发', status: 'resolved', priority: 'high', resolvedAt: new Date(T0).toISOString() },
      });
      const hlc = encodeHlc({ wall: T0, counter: 0, node: 'console1' });
      const acks = await store.push(agent, 'console1', [
        { type: 'history.append', opId: 'op-ticket-0001', hlc, event: ticket('ev-t1', 'T-1') },
        { type: 'history.append', opId: 'op-ticket-0002', hlc, event: ticket('ev-t2', 'T-2') },
      ]);
      expect(acks.map((a) => a.status)).toEqual(['applied', 'applied']);
      const tasks = await tasksOf(customerId);
      expect(tasks.map((t) => [t.type, t.reasonEventId])).toEqual([['complaint_care', 'ev-t1']]);
    });

    it('the sweep creates the onboarding call a week after sign-up, once', async () => {
      clock.now = T0 + 7 * DAY + 60_000;
      const first = await store.sweepFollowUps(BUILTIN_CONFIG);
      const again = await store.sweepFollowUps(BUILTIN_CONFIG);
      expect(first.customers).toBe(3);
      // crm-1 and crm-2 have calls planned within the 7-day cool-down: their onboarding call is
      // postponed, not dropped, because the later slot is still inside its window.
      expect(first.created).toBe(3);
      expect(again.created).toBe(0);
      const onboarding = (await tasksOf(customerIds['crm-3']!)).filter((t) => t.type === 'onboarding_check');
      expect(onboarding).toHaveLength(1);
    });
  });
}
