import { vi } from 'vitest';
import type { EventName, EventPayload, Handlers, ParsedInputOf } from '../../../shared/api';
import { handlersThatThrow } from '../../../shared/api/testing';

/**
 * A stand-in for createHost() with spies on every handler, so a test can say "the handler was not
 * called". The events hub mirrors HostEvents: on() returns the unsubscribe, emit() fans out.
 */
export interface TestHost {
  handlers: Handlers;
  events: {
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  };
  close(): void;
}

export const APP_INFO = { version: '9.9.9-test', mode: 'web', defaultRegion: 'CN', customers: 3 } as const;

export function createFakeHost(): TestHost {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const handlers: Handlers = {
    ...handlersThatThrow(),
    appInfo: vi.fn(() => ({ ...APP_INFO })),
    searchCustomers: vi.fn((input: ParsedInputOf<'searchCustomers'>) => ({
      interpretedAs: 'name' as const,
      e164: null,
      invalidNumber: false,
      results: [{ id: 'c1', name: `王芳 (${input.query})`, segment: 'vip', city: '杭州', phone: '+8613800138000' }],
    })),
    getCustomer: vi.fn(unused),
    historyPage: vi.fn(() => ({ events: [], nextCursor: null })),
    lookupCaller: vi.fn(unused),
    queueList: vi.fn(() => {
      throw new Error('disk full');
    }),
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    handlers,
    events: {
      on(name, listener) {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        set.add(listener as (payload: unknown) => void);
        return () => set.delete(listener as (payload: unknown) => void);
      },
      emit(name, payload) {
        for (const listener of listeners.get(name) ?? []) listener(payload);
      },
    },
    close: () => undefined,
  };
}
