import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../testing/fakeHost';
import { makeCustomer } from '../testing/fixtures';
import { createSearchStore, searchView } from './search';

const customers = [makeCustomer({ id: 'c-1', name: '王芳' }), makeCustomer({ id: 'c-2', name: '王磊' }), makeCustomer({ id: 'c-3', name: 'Alice Chen', city: 'Shenzhen' })];

function setup() {
  const host = createFakeHost({ customers });
  const onSingleMatch = vi.fn();
  const store = createSearchStore(host.client.api, { onSingleMatch });
  const search = async (query: string) => {
    store.getState().setQuery(query);
    await store.getState().submit();
    return store.getState();
  };
  return { host, store, search, onSingleMatch };
}

describe('search store', () => {
  it('starts with the hint', () => {
    const { store } = setup();
    expect(searchView(store.getState())).toBe('hint');
  });

  it('shows loading while the host works', async () => {
    const { host, store } = setup();
    const gate = host.hold('searchCustomers');
    store.getState().setQuery('王');
    const pending = store.getState().submit();
    expect(searchView(store.getState())).toBe('loading');
    await gate.release();
    await pending;
    expect(searchView(store.getState())).toBe('results');
  });

  it('reads a spaced mobile number as a phone and opens the single match', async () => {
    const { search, onSingleMatch } = setup();
    const s = await search('138 0013 8000');
    // Every fake customer shares the primary number, so this is "several" — use a name for one match.
    expect(s.result?.interpretedAs).toBe('phone');
    expect(s.result?.e164).toBe('+8613800138000');
    expect(searchView(s)).toBe('results');
    expect(onSingleMatch).not.toHaveBeenCalled();
  });

  it('opens the customer straight away when exactly one matches', async () => {
    const { search, onSingleMatch } = setup();
    const s = await search('Alice');
    expect(s.result?.interpretedAs).toBe('name');
    expect(onSingleMatch).toHaveBeenCalledWith('c-3');
  });

  it('says "no customer" for a valid number nobody has', async () => {
    const { search } = setup();
    const s = await search('+86-138-0013-9999');
    expect(searchView(s)).toBe('no_customer');
    expect(s.result?.e164).toBe('+8613800139999');
  });

  it('tells an invalid number apart from an unknown one', async () => {
    const { search } = setup();
    expect(searchView(await search('12345'))).toBe('invalid_number');
  });

  it('turns an unreachable host into an error with retry', async () => {
    const { host, store, search } = setup();
    host.setDown(true);
    const s = await search('王');
    expect(searchView(s)).toBe('error');
    expect(s.problem?.code).toBe('unavailable');
    host.setDown(false);
    await store.getState().retry();
    expect(searchView(store.getState())).toBe('results');
    expect(store.getState().result?.results).toHaveLength(2);
  });

  it('ignores an answer that arrives after a newer search started', async () => {
    const { host, store } = setup();
    const gate = host.hold('searchCustomers');
    store.getState().setQuery('王');
    const first = store.getState().submit();
    store.getState().setQuery('Alice');
    const second = store.getState().submit();
    await gate.release();
    await Promise.all([first, second]);
    expect(store.getState().submitted).toBe('Alice');
    expect(store.getState().result?.results.map((r) => r.id)).toEqual(['c-3']);
  });

  it('treats a blank query as "back to the hint", without asking the host', async () => {
    const { host, search } = setup();
    const s = await search('   ');
    expect(searchView(s)).toBe('hint');
    expect(host.calls).toHaveLength(0);
  });
});
