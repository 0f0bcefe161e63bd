import { METHODS, type Handlers, type Method, type QueueList } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { ApiFailure } from '../../shared/api/envelope';
import { type Customer, type HistoryEvent } from '../../shared/domain';
import { normalizePhone } from '../../shared/phone/normalize';
import { createClient, type Client, type Transport } from '../api/client';
import { make360, makePhones } from './fixtures';

/**
 * An in-memory host behind the real client and the real `dispatch`: inputs are validated and
 * defaulted exactly as the Electron and web transports do, outputs are checked against the contract.
 */
export interface FakeHost {
  client: Client;
  /** Every call that reached the host, in order, with the parsed input. */
  calls: Array<{ method: Method; input: unknown }>;
  callsOf(method: Method): unknown[];
  /** Simulates a host that cannot be reached (socket down). */
  setDown(down: boolean): void;
  /** Holds replies of a method until `release()` — to test loading states and races. */
  hold(method: Method): { release(): Promise<void> };
  emit(event: string, payload: unknown): void;
}

export interface FakeData {
  customers?: Customer[];
  history?: Record<string, HistoryEvent[]>;
  tasks?: QueueList['tasks'];
}

export function createFakeHost(data: FakeData = {}, overrides: Partial<Handlers> = {}): FakeHost {
  const customers = data.customers ?? [];
  const history = data.history ?? {};
  const calls: FakeHost['calls'] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const held = new Map<Method, Array<() => void>>();
  let down = false;

  // Methods this fake does not model answer like a host without them, so the contract can grow
  // (softphone, wrap-up…) without every shell test having to fake features it does not touch.
  const notFaked = Object.fromEntries(
    METHODS.map((method) => [
      method,
      () => {
        throw new ApiFailure('internal', `${method} is not faked`);
      },
    ]),
  ) as unknown as Handlers;

  const handlers: Handlers = {
    ...notFaked,
    appInfo: () => ({ version: '0.1.0', mode: 'web', defaultRegion: 'CN', customers: customers.length }),
    searchCustomers: ({ query, limit }) => {
      const n = normalizePhone(query, 'CN');
      const looksNumeric = /^[+\d\s().\-/]+$/.test(query);
      if (looksNumeric) {
        if (!n.ok) return { interpretedAs: 'phone', e164: null, invalidNumber: true, results: [] };
        const hits = customers.filter((c) => makePhones(c.id).some((p) => p.e164 === n.e164));
        return { interpretedAs: 'phone', e164: n.e164, invalidNumber: false, results: hits.slice(0, limit).map((c) => summary(c, n.e164)) };
      }
      const hits = customers.filter((c) => c.name.includes(query));
      return { interpretedAs: 'name', e164: null, invalidNumber: false, results: hits.slice(0, limit).map((c) => summary(c, null)) };
    },
    getCustomer: ({ customerId, pageSize }) => {
      const customer = customers.find((c) => c.id === customerId);
      return customer ? make360(customer, history[customerId] ?? [], pageSize) : null;
    },
    historyPage: ({ customerId, kinds, before, limit }) => {
      let events = history[customerId] ?? [];
      if (kinds && kinds.length > 0) events = events.filter((e) => kinds.includes(e.kind));
      if (before) events = events.filter((e) => e.occurredAt < before.occurredAt || (e.occurredAt === before.occurredAt && e.id < before.id));
      const page = events.slice(0, limit);
      const last = page[page.length - 1];
      return { events: page, nextCursor: events.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null };
    },
    queueList: ({ status, type, limit, offset }) => {
      const tasks = (data.tasks ?? []).filter((t) => (!status || t.status === status) && (!type || t.type === type));
      return { total: tasks.length, tasks: tasks.slice(offset, offset + limit) };
    },
    // A console that never signed in to a sync server; sync tests override these three.
    syncStatus: () => SIGNED_OUT,
    login: () => {
      throw new ApiFailure('unavailable', 'cannot reach the server', 'server');
    },
    logout: () => SIGNED_OUT,
    ...overrides,
  };

  const transport: Transport = {
    async invoke(method, payload) {
      if (down) return { ok: false, error: { code: 'unavailable', message: 'host unreachable' } };
      const queue = held.get(method as Method);
      if (queue) await new Promise<void>((resolve) => queue.push(resolve));
      const reply = await dispatch(handlers, method, payload, { checkOutput: true });
      if (reply.ok) calls.push({ method: method as Method, input: payload });
      return reply;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    client: createClient(transport),
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    setDown: (value) => {
      down = value;
    },
    hold(method) {
      const queue: Array<() => void> = [];
      held.set(method, queue);
      return {
        async release() {
          held.delete(method);
          queue.splice(0).forEach((resolve) => resolve());
          await Promise.resolve();
        },
      };
    },
    emit: (event, payload) => listeners.forEach((l) => l(event, payload)),
  };
}

const SIGNED_OUT = { state: 'signed_out', offlineSince: null, pending: 0, lastSyncAt: null, server: null, username: null, lastError: null, progress: null } as const;

function summary(c: Customer, phone: string | null) {
  return { id: c.id, name: c.name, segment: c.segment, city: c.city, phone: phone ?? makePhones(c.id)[0]?.e164 ?? null };
}

/** In-memory Storage stand-in for settings tests. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
