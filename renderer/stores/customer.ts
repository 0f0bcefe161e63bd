import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Api, type Customer360 } from '../../shared/api/contract';
import { type HistoryCursor, type HistoryEvent, type HistoryKind } from '../../shared/domain';
import { toProblem, type Problem } from './problem';

/** Events per request. Rows are fixed-height, so 100 is a few screens of scroll per round trip. */
export const HISTORY_PAGE_SIZE = 100;

export type Profile = Omit<Customer360, 'firstPage'>;

export type CustomerStatus = 'idle' | 'loading' | 'ready' | 'not_found' | 'error';
/**
 * History of the open customer: `loading` replaces the list (first page, filter change),
 * `more` appends an older page, `more_error` keeps what is shown and offers a retry at the bottom.
 */
export type HistoryStatus = 'idle' | 'loading' | 'ready' | 'more' | 'error' | 'more_error';

export interface CustomerState {
  customerId: string | null;
  status: CustomerStatus;
  problem: Problem | null;
  profile: Profile | null;
  /** Kinds the history is filtered to; empty means every kind. */
  kinds: HistoryKind[];
  events: HistoryEvent[];
  nextCursor: HistoryCursor | null;
  history: HistoryStatus;
  historyProblem: Problem | null;

  open(customerId: string): Promise<void>;
  /** Shows a 360 view the host already sent (the screen-pop): no second round trip. */
  present(view: Customer360): void;
  retry(): Promise<void>;
  close(): void;
  toggleKind(kind: HistoryKind): Promise<void>;
  showAllKinds(): Promise<void>;
  /** Loads the next older page; a no-op while a page is in flight or at the start of history. */
  loadMore(): Promise<void>;
  retryHistory(): Promise<void>;
  /** Data changed under us (sync, another window): refresh profile, counts and the newest events. */
  refresh(): Promise<void>;
}
export type CustomerStore = StoreApi<CustomerState>;

const empty = {
  profile: null,
  kinds: [] as HistoryKind[],
  events: [] as HistoryEvent[],
  nextCursor: null,
  history: 'idle' as HistoryStatus,
  historyProblem: null,
  problem: null,
};

export function createCustomerStore(api: Api): CustomerStore {
  /**
   * Bumped whenever what the list shows changes (another customer, another filter). A reply that
   * comes back under an older generation is dropped, so a slow page can never mix into a new list.
   */
  let generation = 0;

  return createStore<CustomerState>()((set, get) => {
    const loadFirstPage = async (customerId: string, kinds: HistoryKind[]) => {
      const mine = ++generation;
      set({ kinds, events: [], nextCursor: null, history: 'loading', historyProblem: null });
      try {
        const page = await api.historyPage({ customerId, ...kindsFilter(kinds), before: null, limit: HISTORY_PAGE_SIZE });
        if (mine !== generation) return;
        set({ events: page.events, nextCursor: page.nextCursor, history: 'ready' });
      } catch (error) {
        if (mine !== generation) return;
        set({ history: 'error', historyProblem: toProblem(error) });
      }
    };

    return {
      customerId: null,
      status: 'idle',
      ...empty,

      async open(customerId) {
        const mine = ++generation;
        set({ ...empty, customerId, status: 'loading' });
        try {
          const view = await api.getCustomer({ customerId, pageSize: HISTORY_PAGE_SIZE });
          if (mine !== generation) return;
          if (!view) {
            set({ status: 'not_found' });
            return;
          }
          const { firstPage, ...profile } = view;
          set({ status: 'ready', profile, events: firstPage.events, nextCursor: firstPage.nextCursor, history: 'ready' });
        } catch (error) {
          if (mine !== generation) return;
          set({ status: 'error', problem: toProblem(error) });
        }
      },

      present(view) {
        generation++;
        const { firstPage, ...profile } = view;
        set({ ...empty, customerId: view.customer.id, status: 'ready', profile, events: firstPage.events, nextCursor: firstPage.nextCursor, history: 'ready' });
      },

      async retry() {
        const { customerId } = get();
        if (customerId) await get().open(customerId);
      },

      close() {
        generation++;
        set({ ...empty, customerId: null, status: 'idle' });
      },

      async toggleKind(kind) {
        const { customerId, kinds } = get();
        if (!customerId) return;
        const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
        await loadFirstPage(customerId, next);
      },

      async showAllKinds() {
        const { customerId, kinds } = get();
        if (!customerId || kinds.length === 0) return;
        await loadFirstPage(customerId, []);
      },

      async loadMore() {
        const { customerId, nextCursor, history, kinds } = get();
        if (!customerId || !nextCursor || history !== 'ready') return;
        const mine = generation;
        set({ history: 'more', historyProblem: null });
        try {
          const page = await api.historyPage({ customerId, ...kindsFilter(kinds), before: nextCursor, limit: HISTORY_PAGE_SIZE });
          if (mine !== generation) return;
          set((s) => ({ events: appendUnique(s.events, page.events), nextCursor: page.nextCursor, history: 'ready' }));
        } catch (error) {
          if (mine !== generation) return;
          set({ history: 'more_error', historyProblem: toProblem(error) });
        }
      },

      async retryHistory() {
        const { customerId, kinds, history } = get();
        if (!customerId) return;
        if (history === 'more_error') {
          set({ history: 'ready' });
          await get().loadMore();
        } else {
          await loadFirstPage(customerId, kinds);
        }
      },

      async refresh() {
        const { customerId, status, kinds } = get();
        if (!customerId || status !== 'ready') return;
        const mine = generation;
        try {
          const [view, page] = await Promise.all([
            api.getCustomer({ customerId, pageSize: 1 }),
            api.historyPage({ customerId, ...kindsFilter(kinds), before: null, limit: HISTORY_PAGE_SIZE }),
          ]);
          if (mine !== generation) return;
          if (!view) {
            set({ ...empty, status: 'not_found' });
            return;
          }
          const { firstPage: _ignored, ...profile } = view;
          set((s) => ({ profile, ...mergeNewest(s.events, s.nextCursor, page.events, page.nextCursor) }));
        } catch {
          // A failed background refresh keeps what the agent is looking at; the host light shows why.
        }
      },
    };
  });
}

/** The contract reads an empty or absent list as "all kinds"; send no field rather than []. */
function kindsFilter(kinds: HistoryKind[]): { kinds?: HistoryKind[] } {
  return kinds.length > 0 ? { kinds } : {};
}

/** Appends an older page, skipping ids already shown (a page boundary can repeat under concurrent writes). */
export function appendUnique(current: HistoryEvent[], older: HistoryEvent[]): HistoryEvent[] {
  const seen = new Set(current.map((e) => e.id));
  const fresh = older.filter((e) => !seen.has(e.id));
  return fresh.length === 0 ? current : [...current, ...fresh];
}

/**
 * Puts newly arrived events into the list without losing the pages already scrolled through.
 * If the fresh first page shares no event with what is shown, more arrived than a page holds:
 * the list restarts from that page rather than leave a gap.
 */
function mergeNewest(
  current: HistoryEvent[],
  currentCursor: HistoryCursor | null,
  newest: HistoryEvent[],
  newestCursor: HistoryCursor | null,
): { events: HistoryEvent[]; nextCursor: HistoryCursor | null } {
  if (current.length === 0) return { events: newest, nextCursor: newestCursor };
  const shown = new Set(current.map((e) => e.id));
  const complete = newestCursor === null; // The fresh page is the whole history.
  if (!complete && !newest.some((e) => shown.has(e.id))) return { events: newest, nextCursor: newestCursor };
  const fresh = newest.filter((e) => !shown.has(e.id));
  if (fresh.length === 0) return { events: current, nextCursor: currentCursor };
  // An event may be back-dated (a late sync), so merge by the same order the host pages in.
  return { events: [...fresh, ...current].sort(newestFirst), nextCursor: complete ? null : currentCursor };
}

/** The host's keyset order: occurredAt descending, then id descending. */
export function newestFirst(a: HistoryEvent, b: HistoryEvent): number {
  const dt = Date.parse(b.occurredAt) - Date.parse(a.occurredAt);
  if (dt !== 0) return dt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
