import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Api } from '../../shared/api/contract';
import { type LoginInput, type SyncStatus } from '../../shared/api/sync';
import { HostError } from '../../shared/api/envelope';
import { toProblem, type Problem } from './problem';

/** Why a sign-in failed, sorted so the dialog can say it in the agent's language. */
export type LoginErrorKind = 'credentials' | 'unreachable' | 'rate_limited' | 'invalid' | 'host' | 'other';

export interface LoginError {
  kind: LoginErrorKind;
  /** The host's own words (server address, seconds to wait…), shown under the translated line. */
  message: string;
  /** The input field the host blamed, if any (server, username, password). */
  field: string | null;
  /** Rate limited: how long until the next attempt, when the server said so. */
  retryAfterSec: number | null;
}

export interface SyncStoreState {
  /** The host's sync state; null until the first answer. */
  status: SyncStatus | null;
  /** Loading the state failed (host down, older host without sync). */
  problem: Problem | null;
  signingIn: boolean;
  loginError: LoginError | null;
  load(): Promise<void>;
  /** A `syncStatus` event from the host. */
  receive(status: SyncStatus): void;
  /** Resolves true when the host signed in; false leaves the reason in `loginError`. */
  login(input: LoginInput): Promise<boolean>;
  logout(): Promise<void>;
  clearLoginError(): void;
}
export type SyncStore = StoreApi<SyncStoreState>;

/**
 * The top bar's view of the console's sync. Takes the bare host api, not the health-wrapped one:
 * "server unreachable" is the host answering about the sync server, not the host being down.
 */
export function createSyncStore(api: Pick<Api, 'syncStatus' | 'login' | 'logout'>): SyncStore {
  // Every answer bumps this: a slow first load must not overwrite a newer event or login reply.
  let version = 0;
  return createStore<SyncStoreState>()((set, get) => ({
    status: null,
    problem: null,
    signingIn: false,
    loginError: null,
    async load() {
      const asked = version;
      try {
        const status = await api.syncStatus({});
        if (asked === version) set({ status, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    receive(status) {
      version++;
      set({ status, problem: null });
    },
    async login(input) {
      if (get().signingIn) return false;
      set({ signingIn: true, loginError: null });
      try {
        const status = await api.login(input);
        version++;
        set({ status, problem: null, signingIn: false });
        return true;
      } catch (error) {
        set({ signingIn: false, loginError: classifyLoginError(error) });
        return false;
      }
    },
    async logout() {
      try {
        const status = await api.logout({});
        version++;
        set({ status, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    clearLoginError() {
      set({ loginError: null });
    },
  }));
}

const RATE_LIMITED = /too many|rate.?limit/i;

/**
 * The host reports a refused sign-in as `unauthorized` (wrong password, or the server's limiter
 * with "too many failed sign-ins; try again in N s"), an unreachable server as `unavailable` on
 * the `server` field, and a malformed input as `bad_request` naming the field.
 */
export function classifyLoginError(error: unknown): LoginError {
  const problem = toProblem(error);
  const field = error instanceof HostError ? (error.field ?? null) : null;
  const base = { message: problem.message, field, retryAfterSec: null };
  switch (problem.code) {
    case 'unavailable':
      // On the `server` field: the host answered that the sync server did not. Otherwise the host itself is gone.
      return { ...base, kind: field === 'server' ? 'unreachable' : 'host' };
    case 'unauthorized': {
      if (!RATE_LIMITED.test(problem.message)) return { ...base, kind: 'credentials' };
      const seconds = /(\d+)\s*s\b/.exec(problem.message);
      return { ...base, kind: 'rate_limited', retryAfterSec: seconds?.[1] ? Number(seconds[1]) : null };
    }
    case 'bad_request':
      return { ...base, kind: 'invalid' };
    default:
      return { ...base, kind: 'other' };
  }
}
