import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../shared/domain';
import { customerStore } from './customers';
import { historyStore, type UnreadableEvent } from './history';
import { openDatabase, type Db } from './open';
import { aCustomer, anEvent } from './test-fixtures';

let db: Db;
let store: ReturnType<typeof historyStore>;
let unreadable: UnreadableEvent[];
beforeEach(() => {
  db = openDatabase(':memory:');
  customerStore(db, 'CN').insert(aCustomer('c1', '张伟'), []);
  customerStore(db, 'CN').insert(aCustomer('c2', '王芳'), []);
  unreadable = [];
  store = historyStore(db, { onUnreadable: (e) => unreadable.push(e) });
});
afterEach(() => db.close());

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const ids = (events: HistoryEvent[]) => events.map((e) => e.id);

/** Reads every page until the end, the way the panel does on scroll. */
function readAll(customerId: string, limit: number, kinds?: HistoryEvent['kind'][]) {
  const pages: string[][] = [];
  let before = null;
  do {
    const page = store.page({ customerId, limit, before, kinds });
    pages.push(ids(page.events));
    before = page.nextCursor;
  } while (before);
  return pages;
}

describe('history store', () => {
  it('shows the newest event first', () => {
    store.appendMany([anEvent('note', 'e1', 'c1', at(1)), anEvent('call', 'e3', 'c1', at(3)), anEvent('order', 'e2', 'c1', at(2))]);
    expect(ids(store.page({ customerId: 'c1', limit: 50 }).events)).toEqual(['e3', 'e2', 'e1']);
  });

  it('orders events written with different UTC offsets by the instant they happened', () => {
    store.append(anEvent('note', 'e-shanghai', 'c1', '2026-01-01T08:30:00+08:00')); // 00:30Z
    store.append(anEvent('note', 'e-utc', 'c1', '2026-01-01T00:10:00Z'));
    const events = store.page({ customerId: 'c1', limit: 50 }).events;
    expect(ids(events)).toEqual(['e-shanghai', 'e-utc']);
    expect(events[0]?.occurredAt).toBe('2026-01-01T00:30:00.000Z');
  });

  it('never repeats or skips an event when many share one timestamp', () => {
    const events = Array.from({ length: 23 }, (_, i) => anEvent('call', `e${String(i).padStart(2, '0')}`, 'c1', at(i < 15 ? 5 : i)));
    store.appendMany(events);
    const pages = readAll('c1', 4);
    const seen = pages.flat();
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
  });

  it('ends with a null cursor exactly when there is nothing older', () => {
    store.appendMany([anEvent('note', 'e1', 'c1', at(1)), anEvent('note', 'e2', 'c1', at(2))]);
    expect(store.page({ customerId: 'c1', limit: 2 }).nextCursor).toBeNull();
    expect(store.page({ customerId: 'c1', limit: 1 }).nextCursor).toEqual({ occurredAt: at(2), id: 'e2' });
  });

  it('filters by one or several kinds and keeps paging within the filter', () => {
    store.appendMany([
      anEvent('order', 'o1', 'c1', at(1)),
      anEvent('call', 'k1', 'c1', at(2)),
      anEvent('order', 'o2', 'c1', at(3)),
      anEvent('ticket', 't1', 'c1', at(4)),
      anEvent('order', 'o3', 'c1', at(5)),
    ]);
    expect(readAll('c1', 2, ['order'])).toEqual([['o3', 'o2'], ['o1']]);
    expect(readAll('c1', 2, ['order', 'ticket'])).toEqual([['o3', 't1'], ['o2', 'o1']]);
    expect(readAll('c1', 10, [])).toEqual([['o3', 't1', 'o2', 'k1', 'o1']]);
  });

  it('keeps customers apart', () => {
    store.appendMany([anEvent('note', 'a', 'c1', at(1)), anEvent('note', 'b', 'c2', at(2))]);
    expect(ids(store.page({ customerId: 'c1', limit: 50 }).events)).toEqual(['a']);
  });

  it('counts events per kind, zero for kinds never seen', () => {
    store.appendMany([anEvent('order', 'o1', 'c1', at(1)), anEvent('order', 'o2', 'c1', at(2)), anEvent('note', 'n', 'c1', at(3))]);
    expect(store.countsByKind('c1')).toEqual({ call: 0, ticket: 0, order: 2, followup: 0, feedback: 0, note: 1 });
  });

  it('refuses a payload that does not fit its kind, naming the field, and writes nothing of the batch', () => {
    const bad = { ...anEvent('order', 'o-bad', 'c1', at(2)), payload: { orderId: 'O', amountMinor: 12.5, currency: 'CNY', items: [], status: 'paid' } };
    expect(() => store.appendMany([anEvent('note', 'ok', 'c1', at(1)), bad as HistoryEvent])).toThrow(
      /history event o-bad: payload\.amountMinor/,
    );
    expect(store.page({ customerId: 'c1', limit: 50 }).events).toEqual([]);
  });

  it('shows a damaged row from disk as a note naming the problem, and keeps the rest of the page', () => {
    store.appendMany([anEvent('order', 'o1', 'c1', at(1)), anEvent('order', 'o2', 'c1', at(2)), anEvent('order', 'o3', 'c1', at(3))]);
    db.prepare("UPDATE history_events SET payload = json_set(payload, '$.amountMinor', 'lots') WHERE id = 'o2'").run();
    const events = store.page({ customerId: 'c1', limit: 50 }).events;
    expect(ids(events)).toEqual(['o3', 'o2', 'o1']);
    expect(events[1]?.kind).toBe('note');
    expect(events[1]?.summary).toContain('Unreadable order event o2 (payload.amountMinor');
    expect(unreadable).toMatchObject([{ id: 'o2', kind: 'order', field: 'payload.amountMinor' }]);
    // The row on disk is untouched: a fixed build can still read it.
    expect(db.prepare("SELECT json_extract(payload, '$.amountMinor') FROM history_events WHERE id = 'o2'").pluck().get()).toBe('lots');
  });
});
