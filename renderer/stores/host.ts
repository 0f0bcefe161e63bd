import { createStore, type StoreApi } from 'zustand/vanilla';
import { METHODS, type Api, type AppInfo } from '../../shared/api/contract';
import { toProblem, type Problem } from './problem';

export type HostStatus = 'connecting' | 'online' | 'offline';

export interface HostState {
  status: HostStatus;
  info: AppInfo | null;
  problem: Problem | null;
  /** Asks the host who it is; on failure keeps retrying with backoff until it answers. */
  check(): Promise<void>;
  /** Stops the retry timer (app teardown, tests). */
  stop(): void;
  markReachable(): void;
  markUnreachable(problem: Problem): void;
}
export type HostStore = StoreApi<HostState>;

export interface HostOptions {
  minRetryMs?: number;
  maxRetryMs?: number;
}

export function createHostStore(api: Api, { minRetryMs = 2_000, maxRetryMs = 30_000 }: HostOptions = {}): HostStore {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = minRetryMs;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return createStore<HostState>()((set, get) => {
    const scheduleRetry = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void get().check();
      }, delay);
      delay = Math.min(delay * 2, maxRetryMs);
    };
    return {
      status: 'connecting',
      info: null,
      problem: null,
      async check() {
        try {
          const info = await api.appInfo({});
          clear();
          delay = minRetryMs;
          set({ status: 'online', info, problem: null });
        } catch (error) {
          set({ status: 'offline', problem: toProblem(error) });
          scheduleRetry();
        }
      },
      stop: clear,
      markReachable() {
        if (get().status === 'online') return;
        clear();
        delay = minRetryMs;
        set({ status: 'online', problem: null });
        if (!get().info) void get().check();
      },
      markUnreachable(problem) {
        set({ status: 'offline', problem });
        scheduleRetry();
      },
    };
  });
}

/**
 * Wraps the api so every call tells the host store whether the host answered: the status light in
 * the top bar reflects the last real call, not only a periodic ping.
 */
export function withHealth(api: Api, host: HostStore): Api {
  const wrapped = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    const call = api[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = async (input) => {
      try {
        const value = await call(input);
        host.getState().markReachable();
        return value;
      } catch (error) {
        const problem = toProblem(error);
        if (problem.code === 'unavailable') host.getState().markUnreachable(problem);
        else host.getState().markReachable(); // The host answered, even if with an error.
        throw error;
      }
    };
  }
  return wrapped as unknown as Api;
}
