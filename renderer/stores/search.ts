import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Api, type SearchResult } from '../../shared/api/contract';
import { toProblem, type Problem } from './problem';

/** Matches per search; a name search beyond this asks the agent to refine. */
export const SEARCH_LIMIT = 20;

export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';

export interface SearchState {
  /** What is in the box right now. */
  query: string;
  /** The query the shown result (or error) belongs to. */
  submitted: string | null;
  status: SearchStatus;
  result: SearchResult | null;
  problem: Problem | null;
  setQuery(query: string): void;
  /** Searches for the text in the box (Enter). */
  submit(): Promise<void>;
  retry(): Promise<void>;
  clear(): void;
}
export type SearchStore = StoreApi<SearchState>;

/** The one thing the search area shows; a pure function of the state so it is tested directly. */
export type SearchView = 'hint' | 'loading' | 'results' | 'no_customer' | 'invalid_number' | 'error';

export function searchView(s: Pick<SearchState, 'status' | 'result'>): SearchView {
  switch (s.status) {
    case 'idle':
      return 'hint';
    case 'loading':
      return 'loading';
    case 'error':
      return 'error';
    case 'done':
      if (!s.result) return 'hint';
      if (s.result.invalidNumber) return 'invalid_number';
      return s.result.results.length === 0 ? 'no_customer' : 'results';
  }
}

export interface SearchHooks {
  /** A search started: the center shows the search outcome. */
  onSubmit?(): void;
  /** Exactly one customer matched: open them straight away, as a screen-pop would. */
  onSingleMatch?(customerId: string): void;
}

export function createSearchStore(api: Api, hooks: SearchHooks = {}): SearchStore {
  let seq = 0;
  return createStore<SearchState>()((set, get) => {
    const run = async (query: string) => {
      const trimmed = query.trim();
      if (trimmed === '') {
        get().clear();
        return;
      }
      const mine = ++seq;
      set({ status: 'loading', submitted: trimmed, problem: null, result: null });
      hooks.onSubmit?.();
      try {
        const result = await api.searchCustomers({ query: trimmed, limit: SEARCH_LIMIT });
        if (mine !== seq) return; // A newer search superseded this one.
        set({ status: 'done', result });
        const only = result.results.length === 1 ? result.results[0] : undefined;
        if (only && !result.invalidNumber) hooks.onSingleMatch?.(only.id);
      } catch (error) {
        if (mine !== seq) return;
        set({ status: 'error', problem: toProblem(error) });
      }
    };
    return {
      query: '',
      submitted: null,
      status: 'idle',
      result: null,
      problem: null,
      setQuery: (query) => set({ query }),
      submit: () => run(get().query),
      retry: async () => {
        const { submitted } = get();
        if (submitted) await run(submitted);
      },
      clear() {
        seq++;
        set({ query: '', submitted: null, status: 'idle', result: null, problem: null });
      },
    };
  });
}
