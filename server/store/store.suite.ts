import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/domain';
import { encodeHlc, type Operation } from '../../shared/sync';
import type { Actor } from './access';
import type { ImportedCustomer } from './imports';
import type { Store } from './store';

/**
 * One behaviour suite, run against every engine (sqlite.test.ts, postgres.test.ts): whatever the
 * engine, a console must see the same answers.
 */
export interface Harness {
  store: Store;
  clock: { now: number };
  cleanup(): Promise<void>;
}
const HOUR = 3_600_000;
export const T0 = Date.parse('2026-11-25T08:00:00.000Z');

export const customerInput = (externalId: string, name: string, extra: Partial<ImportedCustomer['fields']> = {}): ImportedCustomer => ({
  externalId,
  fields: { name, segment: null, tags: [], region: 'CN', timeZone: null, email: null, company: null, city: null, language: 'zh-CN', ...extra },
  phones: [{ e164: '+8613800138000', label: 'mobile', isPrimary: true }],
});

export const noteEvent = (id: string, customerId: string, text = '回访记录'): HistoryEvent => ({
  id,
  customerId,
  kind: 'note',
  occurredAt: '2026-11-25T08:00:00.000Z',
  summary: text,
  payload: { text, author: null },
});

export function storeSuite(engine: string, open: (() => Promise<Harness>) | null): void {
  describe.skipIf(open === null)(`store on ${engine}`, () => {
    let h: Harness;
    let store: Store;
    const actors: Record<string, Actor> = {};
    let teamA = '';
    let teamB = '';
    let alice = ''; // customer in team A

    const clockAt = (ms: number, node = 'console1') => encodeHlc({ wall: ms, counter: 0, node });

    beforeAll(async () => {
      h = await open!();
      store = h.store;
      teamA = (await store.createTeam('A 组')).id;
      teamB = (await store.createTeam('B 组')).id;
      for (const [name, role, team] of [
        ['a1', 'agent', teamA],
        ['a2', 'agent', teamA],
        ['b1', 'agent', teamB],
        ['supA', 'supervisor', teamA],
        ['root', 'admin', null],
      ] as const) {
        const u = await store.createUser({ username: name, passwordHash: 'x', role, teamId: team });
        actors[name] = { userId: u.id, role, teamId: team };
      }
      await store.importCustomer(teamA, customerInput('crm-1', '张三', { city: '杭州' }));
      alice = (await store.pull(actors.supA!, 0, 100)).changes.find((c) => c.domain === 'customer')!.customer.id;
    });
    afterAll(async () => h?.cleanup());

    it('refuses a second user with the same name and a refresh token used twice', async () => {
      await expect(store.createUser({ username: 'a1', passwordHash: 'x', role: 'agent', teamId: teamA })).rejects.toMatchObject({ code: 'conflict' });
      await store.saveRefreshToken('h1', actors.a1!.userId, T0 + HOUR);
      expect(await store.takeRefreshToken('h1')).toEqual({ userId: actors.a1!.userId, expiresAt: T0 + HOUR });
      expect(await store.takeRefreshToken('h1')).toBeNull();
    });

    it('imports idempotently by external id, even after an agent edited the customer', async () => {
      expect(await store.importCustomer(teamA, customerInput('crm-2', '李四'))).toBe('inserted');
      expect(await store.importCustomer(teamA, customerInput('crm-2', '李四'))).toBe('unchanged');
      const head = await store.headSeq();
      const id = (await store.pull(actors.supA!, head - 1, 10)).changes[0]!;
      if (id.domain !== 'customer') throw new Error('expected a customer change');
      const [ack] = await store.push(actors.a1!, 'console1', [
        { type: 'customer.patch', opId: 'op-edit-crm2', hlc: clockAt(h.clock.now + 1), customerId: id.customer.id, fields: { city: '上海' } },
      ]);
      expect(ack?.status).toBe('applied');
      expect(await store.importCustomer(teamA, customerInput('crm-2', '李四'))).toBe('unchanged');
      expect((await store.getCustomer(actors.a1!, id.customer.id)).customer.city).toBe('上海');
      expect(await store.importCustomer(teamA, customerInput('crm-2', '李四', { segment: 'vip' }))).toBe('updated');
      const after = await store.getCustomer(actors.a1!, id.customer.id);
      expect([after.customer.city, after.customer.segment]).toEqual(['上海', 'vip']);
      await expect(store.importCustomer(teamB, customerInput('crm-2', '李四'))).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('appends a history event once however often it is pushed', async () => {
      const op: Operation = { type: 'history.append', opId: 'op-note-0001', hlc: clockAt(h.clock.now), event: noteEvent('ev-1', alice) };
      const [first] = await store.push(actors.a1!, 'console1', [op]);
      const [again] = await store.push(actors.a1!, 'console1', [op]);
      expect(first?.status).toBe('applied');
      expect(first?.seq).toBeGreaterThan(0);
      expect(again).toEqual({ ...first, status: 'duplicate' });
      expect((await store.history(actors.a2!, alice, 50, null)).filter((e) => e.id === 'ev-1')).toHaveLength(1);
      const conflict = await store.push(actors.a1!, 'console1', [{ ...op, opId: 'op-note-0002', event: noteEvent('ev-1', alice, 'other text') }]);
      expect(conflict[0]).toMatchObject({ status: 'rejected', code: 'event_conflict' });
    });

    it('merges customer edits last-writer-wins per field', async () => {
      const t = h.clock.now;
      const acks = await store.push(actors.a1!, 'c1', [
        { type: 'customer.patch', opId: 'op-lww-0001', hlc: clockAt(t + 2, 'c1'), customerId: alice, fields: { city: '北京', email: 'a@x.cn' } },
        { type: 'customer.patch', opId: 'op-lww-0002', hlc: clockAt(t + 1, 'c2'), customerId: alice, fields: { city: '广州', company: '回访' } },
      ]);
      expect(acks.map((a) => a.status)).toEqual(['applied', 'applied']);
      const c = (await store.getCustomer(actors.a2!, alice)).customer;
      expect([c.city, c.email, c.company]).toEqual(['北京', 'a@x.cn', '回访']);
      const [stale] = await store.push(actors.a1!, 'c2', [
        { type: 'customer.patch', opId: 'op-lww-0003', hlc: clockAt(t, 'c2'), customerId: alice, fields: { city: '深圳' } },
      ]);
      expect(stale).toMatchObject({ status: 'applied', seq: null, code: 'superseded' });
    });

    it('rejects ops on another team and clocks far in the future, without recording the skewed one', async () => {
      const acks = await store.push(actors.b1!, 'b-console', [
        { type: 'history.append', opId: 'op-b-0001', hlc: clockAt(h.clock.now, 'b'), event: noteEvent('ev-b1', alice) },
        { type: 'history.append', opId: 'op-b-0002', hlc: clockAt(h.clock.now + HOUR, 'b'), event: noteEvent('ev-b2', alice) },
      ]);
      expect(acks.map((a) => a.code)).toEqual(['forbidden', 'clock_skew']);
      await expect(store.getCustomer(actors.b1!, alice)).rejects.toMatchObject({ code: 'forbidden' });
      expect((await store.pull(actors.b1!, 0, 1000)).changes).toEqual([]);
    });

    it('keeps a task with its holder for the whole lease, then lets another agent claim it', async () => {
      const task = await store.createTask(actors.supA!, { customerId: alice, type: 'satisfaction_survey', priority: 2, dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z', reason: 'complaint', reasonEventId: null });
      const mine = await store.claim(actors.a1!, task.id);
      expect(mine).toMatchObject({ granted: true, lease: { holder: actors.a1!.userId, epoch: 1 } });
      h.clock.now += 7 * HOUR;
      expect(await store.claim(actors.a2!, task.id)).toMatchObject({ granted: false, holder: actors.a1!.userId });
      await expect(store.getTask(actors.a2!, task.id)).rejects.toMatchObject({ code: 'forbidden' });
      h.clock.now += 2 * HOUR;
      const theirs = await store.claim(actors.a2!, task.id);
      expect(theirs).toMatchObject({ granted: true, lease: { epoch: 2 } });
      // a1 was offline and now pushes the outcome it recorded under epoch 1: the event stays, the task does not move.
      const [late] = await store.push(actors.a1!, 'console1', [
        { type: 'task.outcome', opId: 'op-out-0001', hlc: clockAt(h.clock.now), taskId: task.id, leaseEpoch: 1, result: 'done', event: noteEvent('ev-out-1', alice, 'done offline') },
      ]);
      expect(late).toMatchObject({ status: 'applied', code: 'lease_lost' });
      const [done] = await store.push(actors.a2!, 'console2', [
        { type: 'task.outcome', opId: 'op-out-0002', hlc: clockAt(h.clock.now, 'c2'), taskId: task.id, leaseEpoch: 2, result: 'done', event: noteEvent('ev-out-2', alice, 'done') },
      ]);
      expect(done).toMatchObject({ status: 'applied' });
      expect(done?.code).toBeUndefined();
      expect((await store.getTask(actors.supA!, task.id)).task).toMatchObject({ status: 'done', assignedTo: actors.a2!.userId, attempts: 1 });
      const ids = (await store.history(actors.a1!, alice, 100, null)).map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining(['ev-out-1', 'ev-out-2']));
    });

    it('applies a console wrap-up: a callback back to its agent at the chosen time, a retry for the team, do-not-call on the customer', async () => {
      const make = () => store.createTask(actors.supA!, { customerId: alice, type: 'satisfaction_survey', priority: 3, dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z', reason: 'delivered', reasonEventId: null });
      const wrapUp = (id: string, taskId: string, payload: Record<string, unknown>): HistoryEvent => ({
        id,
        customerId: alice,
        kind: 'followup',
        occurredAt: new Date(h.clock.now).toISOString(),
        summary: 'follow-up',
        payload: { taskId, type: 'satisfaction_survey', agent: 'a1', notes: null, ...payload },
      } as HistoryEvent);
      const callback = await make();
      await store.claim(actors.a1!, callback.id);
      const [ack] = await store.push(actors.a1!, 'console1', [
        { type: 'task.outcome', opId: 'op-wrap-0001', hlc: clockAt(h.clock.now), taskId: callback.id, leaseEpoch: 1, result: 'retry',
          event: wrapUp('ev-wrap-1', callback.id, { outcome: 'callback', decision: 'callback', attempts: 1, nextDueAt: '2026-11-27T02:00:00.000Z', nextSlaAt: '2026-11-27T02:30:00.000Z', assignedTo: actors.a1!.userId }) },
      ]);
      expect(ack).toMatchObject({ status: 'applied' });
      expect((await store.getTask(actors.supA!, callback.id)).task).toMatchObject({ status: 'queued', dueAt: '2026-11-27T02:00:00.000Z', slaAt: '2026-11-27T02:30:00.000Z', assignedTo: actors.a1!.userId, attempts: 1 });

      const retry = await make();
      await store.claim(actors.a1!, retry.id);
      await store.push(actors.a1!, 'console1', [
        { type: 'task.outcome', opId: 'op-wrap-0002', hlc: clockAt(h.clock.now), taskId: retry.id, leaseEpoch: 1, result: 'retry',
          event: wrapUp('ev-wrap-2', retry.id, { outcome: 'no_answer', decision: 'retry', attempts: 7, nextDueAt: '2026-11-25T11:00:00.000Z', assignedTo: actors.a2!.userId }) },
      ]);
      // At most one more dial, and a console cannot hand the task to a colleague.
      expect((await store.getTask(actors.supA!, retry.id)).task).toMatchObject({ status: 'queued', dueAt: '2026-11-25T11:00:00.000Z', assignedTo: null, attempts: 1 });

      const dnc = await make();
      await store.claim(actors.a1!, dnc.id);
      await store.push(actors.a1!, 'console1', [
        { type: 'task.outcome', opId: 'op-wrap-0003', hlc: clockAt(h.clock.now), taskId: dnc.id, leaseEpoch: 1, result: 'done', event: wrapUp('ev-wrap-3', dnc.id, { outcome: 'do_not_call', decision: 'closed' }) },
      ]);
      expect((await store.getTask(actors.supA!, dnc.id)).task).toMatchObject({ status: 'done', attempts: 1 });
      expect((await store.getCustomer(actors.a2!, alice)).customer.doNotCall).toBe(true);
    });

    it('gives exactly one of 1,000 concurrent claims the task', async () => {
      const task = await store.createTask(actors.supA!, { customerId: alice, type: 'reactivation', priority: 3, dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z', reason: 'r', reasonEventId: null });
      const claimers = [actors.a1!, actors.a2!, actors.supA!];
      const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => store.claim(claimers[i % 3]!, task.id)));
      const winners = results.filter((r) => r.granted && !r.renewed);
      expect(winners).toHaveLength(1);
      const holder = winners[0]!.granted ? winners[0]!.lease.holder : '';
      // The winner's own later claims only extend its lease; everyone else is refused.
      expect(results.every((r) => (r.granted ? r.lease.holder === holder : r.holder === holder))).toBe(true);
    });

    it('loses nothing and duplicates nothing when a push is cut and resent', async () => {
      const ops: Operation[] = Array.from({ length: 130 }, (_, i) => ({
        type: 'history.append',
        opId: `op-cut-${String(i).padStart(4, '0')}`,
        hlc: clockAt(h.clock.now + i),
        event: noteEvent(`ev-cut-${i}`, alice, `note ${i}`),
      }));
      const before = await store.headSeq();
      await store.push(actors.a1!, 'console1', ops.slice(0, 77));
      const acks = await store.push(actors.a1!, 'console1', ops);
      expect(acks.slice(0, 77).every((a) => a.status === 'duplicate')).toBe(true);
      expect(acks.slice(77).every((a) => a.status === 'applied')).toBe(true);
      const pulled = await store.pull(actors.a2!, before, 1000);
      expect(pulled.changes.filter((c) => c.domain === 'history')).toHaveLength(130);
    });

    it('commits many concurrent pushes together, each acked on its own, an op pushed twice at once applied once', async () => {
      const before = await store.headSeq();
      const op = (i: number): Operation => ({ type: 'history.append', opId: `op-many-${String(i).padStart(4, '0')}`, hlc: clockAt(h.clock.now + i), event: noteEvent(`ev-many-${i}`, alice, `note ${i}`) });
      const twice = op(999);
      const pushes = [
        ...Array.from({ length: 40 }, (_, i) => store.push(actors.a1!, `c${i}`, [op(i)])),
        store.push(actors.a1!, 'c-twice-1', [twice]),
        store.push(actors.a2!, 'c-twice-2', [twice]),
        store.push(actors.b1!, 'b-console', [{ type: 'history.append', opId: 'op-many-b-0001', hlc: clockAt(h.clock.now, 'b'), event: noteEvent('ev-many-b', alice) }]),
      ];
      const acks = (await Promise.all(pushes)).map((a) => a[0]!);
      expect(acks.slice(0, 40).map((a) => [a.opId, a.status])).toEqual(Array.from({ length: 40 }, (_, i) => [op(i).opId, 'applied']));
      expect(new Set(acks.slice(0, 40).map((a) => a.seq)).size).toBe(40);
      expect(acks.slice(40, 42).map((a) => a.status).sort()).toEqual(['applied', 'duplicate']);
      expect(acks[40]!.seq).toBe(acks[41]!.seq);
      expect(acks[42]).toMatchObject({ status: 'rejected', code: 'forbidden' });
      const pulled = await store.pull(actors.a2!, before, 1000);
      const events = pulled.changes.flatMap((c) => (c.domain === 'history' ? [c.event.id] : []));
      expect(events.filter((id) => id.startsWith('ev-many-')).sort()).toEqual([...Array.from({ length: 40 }, (_, i) => `ev-many-${i}`), 'ev-many-999'].sort());
    });

    it('pages the feed with a cursor and shows an agent its team queue but not a colleague’s held task', async () => {
      let cursor = 0;
      let pages = 0;
      const seen = new Set<string>();
      for (;;) {
        const page = await store.pull(actors.a2!, cursor, 40);
        pages++;
        page.changes.forEach((c) => seen.add(c.domain === 'customer' ? c.customer.id : c.domain === 'history' ? c.event.id : c.task.id));
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(pages).toBeGreaterThan(2);
      expect(seen.has('ev-cut-129')).toBe(true);
      expect(cursor).toBe(await store.headSeq());
      const task = await store.createTask(actors.supA!, { customerId: alice, type: 'care', priority: 1, dueAt: '2026-11-25T09:00:00.000Z', slaAt: '2026-11-26T09:00:00.000Z', reason: 'r', reasonEventId: null });
      const queued = await store.pull(actors.a2!, cursor, 100);
      expect(queued.changes.map((c) => c.domain)).toEqual(['task']);
      await store.claim(actors.a1!, task.id);
      const c2 = await store.pull(actors.a2!, queued.cursor, 100);
      expect(c2.changes).toHaveLength(1); // it left the queue: a2 learns that once
      await store.claim(actors.a1!, task.id); // renewal: a2 does not see a1's own lease traffic
      expect((await store.pull(actors.a2!, c2.cursor, 100)).changes).toHaveLength(0);
      expect((await store.pull(actors.a1!, c2.cursor, 100)).changes).toHaveLength(1);
    });

    it('gives several consoles at one cursor, from one read, exactly what each one’s own pull gives', async () => {
      const everyone = Object.values(actors);
      const head = await store.headSeq();
      for (const since of [0, Math.floor(head / 3), Math.floor((2 * head) / 3), head - 3, head]) {
        const shared = await store.pullMany(everyone, since, 100_000);
        expect(shared.cursor).toBe(head);
        for (const [i, actor] of everyone.entries()) {
          const own = await store.pull(actor, since, 100_000);
          expect(shared.changes[i], `${actor.role} ${actor.userId} since ${since}`).toEqual(own.changes);
        }
      }
      // In small pages: every actor still ends with what its own pull gives, at the same cursor.
      const last = new Map<string, unknown>();
      let cursor = Math.floor(head / 2);
      for (;;) {
        const page = await store.pullMany(everyone, cursor, 7);
        page.changes.forEach((changes, i) => changes.forEach((c) => last.set(`${i} ${c.domain} ${c.domain === 'customer' ? c.customer.id : c.domain === 'history' ? c.event.id : c.task.id}`, c)));
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(cursor).toBe(head);
      for (const [i, actor] of everyone.entries()) {
        for (const c of (await store.pull(actor, Math.floor(head / 2), 100_000)).changes) {
          expect(last.get(`${i} ${c.domain} ${c.domain === 'customer' ? c.customer.id : c.domain === 'history' ? c.event.id : c.task.id}`)).toEqual(c);
        }
      }
      expect(new Set([...last.keys()].map((k) => k.split(' ')[0])).size).toBeGreaterThan(1);
    });

    it('tells listeners after changes commit', async () => {
      let calls = 0;
      const off = store.onChange(() => calls++);
      await store.importCustomer(teamA, customerInput('crm-notify', '王五'));
      await expect.poll(() => calls, { timeout: 3000 }).toBeGreaterThan(0);
      off();
    });
  });
}
