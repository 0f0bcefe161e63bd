import { describe, expect, it } from 'vitest';
import { type HistoryEvent } from '../../shared/domain';
import { createFakeHost } from '../testing/fakeHost';
import { makeCustomer, makeHistory } from '../testing/fixtures';
import { createCustomerStore, HISTORY_PAGE_SIZE } from './customer';

function setup(count = 250) {
  const history = makeHistory(count);
  const host = createFakeHost({ customers: [makeCustomer()], history: { 'c-1': history } });
  const store = createCustomerStore(host.client.api);
  return { host, store, history };
}

const ids = (events: HistoryEvent[]) => events.map((e) => e.id);

describe('customer store', () => {
  it('opens a customer with profile, counts and the first page', async () => {
    const { store, history } = setup();
    await store.getState().open('c-1');
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.profile?.customer.name).toBe('王芳');
    expect(s.profile?.counts.call).toBe(42);
    expect(ids(s.events)).toEqual(ids(history.slice(0, HISTORY_PAGE_SIZE)));
    expect(s.nextCursor).not.toBeNull();
  });

  it('pages back with the keyset cursor until the whole history is there, without gaps or duplicates', async () => {
    const { host, store, history } = setup();
    await store.getState().open('c-1');
    const cursor = store.getState().nextCursor;
    await store.getState().loadMore();
    expect(host.callsOf('historyPage')[0]).toMatchObject({ customerId: 'c-1', before: cursor, limit: HISTORY_PAGE_SIZE });
    await store.getState().loadMore();
    expect(store.getState().nextCursor).toBeNull();
    expect(ids(store.getState().events)).toEqual(ids(history));
    await store.getState().loadMore(); // At the start of history: nothing more to ask.
    expect(host.callsOf('historyPage')).toHaveLength(2);
  });

  it('loads one page at a time even when asked twice', async () => {
    const { host, store } = setup();
    await store.getState().open('c-1');
    await Promise.all([store.getState().loadMore(), store.getState().loadMore()]);
    expect(host.callsOf('historyPage')).toHaveLength(1);
  });

  it('reloads from the newest event when a kind filter is toggled', async () => {
    const { host, store } = setup();
    await store.getState().open('c-1');
    await store.getState().toggleKind('order');
    expect(host.callsOf('historyPage').at(-1)).toMatchObject({ kinds: ['order'], before: null });
    expect(store.getState().events.every((e) => e.kind === 'order')).toBe(true);
    await store.getState().toggleKind('ticket');
    expect(host.callsOf('historyPage').at(-1)).toMatchObject({ kinds: ['order', 'ticket'] });
    await store.getState().showAllKinds();
    expect(host.callsOf('historyPage').at(-1)).not.toHaveProperty('kinds');
    expect(store.getState().kinds).toEqual([]);
  });

  it('drops an older page that arrives after the filter changed', async () => {
    const { host, store } = setup();
    await store.getState().open('c-1');
    const gate = host.hold('historyPage');
    const more = store.getState().loadMore();
    const filter = store.getState().toggleKind('note');
    await gate.release();
    await Promise.all([more, filter]);
    expect(store.getState().events.every((e) => e.kind === 'note')).toBe(true);
  });

  it('reports an unknown customer as not found, and a failed page with a retry that continues', async () => {
    const { host, store, history } = setup();
    await store.getState().open('nobody');
    expect(store.getState().status).toBe('not_found');

    await store.getState().open('c-1');
    host.setDown(true);
    await store.getState().loadMore();
    expect(store.getState().history).toBe('more_error');
    expect(store.getState().events).toHaveLength(HISTORY_PAGE_SIZE); // What was shown stays.
    host.setDown(false);
    await store.getState().retryHistory();
    expect(ids(store.getState().events)).toEqual(ids(history.slice(0, 2 * HISTORY_PAGE_SIZE)));
  });

  it('puts events that arrived by sync on top without losing scrolled pages', async () => {
    const { store, history } = setup();
    await store.getState().open('c-1');
    await store.getState().loadMore();
    const newer = makeHistory(3, Date.parse('2026-11-26T06:00:00.000Z')).map((e) => ({ ...e, id: `new-${e.id}` }));
    history.unshift(...newer);
    await store.getState().refresh();
    const events = store.getState().events;
    expect(events.slice(0, 3).map((e) => e.id)).toEqual(newer.map((e) => e.id));
    expect(events).toHaveLength(2 * HISTORY_PAGE_SIZE + 3);
    expect(new Set(ids(events)).size).toBe(events.length);
  });
});
