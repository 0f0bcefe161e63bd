import { ApiFailure } from '../../../shared/api';
import type { LoginInput, SyncState, SyncStatus } from '../../../shared/api/sync';
import type { HistoryEvent } from '../../../shared/domain';
import { MAX_PULL_LIMIT, type Change, type ClaimResponse, type Operation, type PushResponse } from '../../../shared/sync';
import type { ReplicaStore } from '../db/replica';
import type { SyncStateStore } from '../db/sync-state';
import type { HostEvents } from '../events';
import { applyChanges, type Touched } from './apply';
import { Auth, SignedOut, type TokenVault } from './auth';
import { Backoff } from './backoff';
import { ServerRefused, ServerUnreachable, serverApi, type PullAnswer, type ServerApi } from './http';
import { listenLive, type LiveChannel } from './live';
import { SYNCED_KINDS } from './operations';
import { pushOutbox } from './push';

export interface SyncClientDeps {
  state: SyncStateStore;
  replica: ReplicaStore;
  vault: TokenVault;
  events: HostEvents;
  /** A locally stored history event (outbox rows of saved calls point at one). */
  eventById: (id: string) => HistoryEvent | null;
  fetch?: typeof fetch;
  now?: () => number;
  /** Retry delays after a failure; tests make them short. */
  retry?: { baseMs: number; maxMs: number };
  /** Changes per pull request (the server allows up to 1,000). */
  pullLimit?: number;
}

/** Changes per pull request: big pages amortize the round trip; the server allows MAX_PULL_LIMIT. */
const PULL_LIMIT = MAX_PULL_LIMIT;

/** A few event-loop turns: enough for fetch to write a queued request to its socket. */
async function requestSent(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/**
 * The console's side of sync (docs/sync.md): push the outbox, pull the scope since the cursor,
 * then stay on the live channel; when anything fails, go offline, wait (backing off), start over.
 * Every step is resumable: the outbox is acked op by op, the cursor moves page by page, so a cut
 * anywhere repeats at most one page or one batch, and the server makes a repeat harmless.
 */
export class SyncClient {
  private readonly now: () => number;
  private readonly auth: Auth;
  private readonly backoff: Backoff;
  private api: ServerApi | null = null;
  private state: SyncState = 'signed_out';
  private offlineSince: number | null = null;
  /** How far the pull in progress has come (0–1), when the server says where the feed's head is. */
  private progress: number | null = null;
  private lastError: string | null = null;
  private generation = 0;
  private running = false;
  private live: LiveChannel | null = null;
  private wake: (() => void) | null = null;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private lastEmitted = '';

  constructor(private readonly deps: SyncClientDeps) {
    this.now = deps.now ?? Date.now;
    this.auth = new Auth(() => this.requireApi(), deps.vault, this.now);
    this.backoff = new Backoff(deps.retry?.baseMs ?? 1_000, deps.retry?.maxMs ?? 30_000);
    const session = deps.state.session();
    if (session) this.api = serverApi(session.server, deps.fetch);
  }

  status(): SyncStatus {
    const session = this.deps.state.session();
    return {
      state: this.state,
      offlineSince: this.state === 'offline' ? iso(this.offlineSince) : null,
      pending: this.deps.state.pendingCount(SYNCED_KINDS),
      lastSyncAt: iso(session?.lastSyncAt ?? null),
      server: session?.server ?? null,
      username: session?.username ?? null,
      lastError: this.state === 'offline' || this.state === 'signed_out' ? this.lastError : null,
      progress: this.state === 'syncing' ? this.progress : null,
    };
  }

  /** Resumes the stored session, if there is one (app start). */
  start(): void {
    if (this.api && this.auth.hasRefreshToken()) this.run();
  }

  async login(input: LoginInput): Promise<SyncStatus> {
    const api = serverApi(input.server, this.deps.fetch);
    let session;
    try {
      session = await api.login(input.username, input.password);
    } catch (error) {
      if (error instanceof ServerRefused) throw new ApiFailure(error.status === 400 ? 'bad_request' : 'unauthorized', error.message, error.field === 'username' || error.field === 'password' ? error.field : undefined);
      if (error instanceof ServerUnreachable) throw new ApiFailure('unavailable', error.message, 'server');
      throw error;
    }
    const previous = this.deps.state.session();
    // Another server or another account: its scope is another data set, so the feed starts over.
    const same = previous && previous.server === api.base && previous.userId === session.user.id;
    this.deps.state.saveSession({
      server: api.base,
      username: session.user.username,
      userId: session.user.id,
      role: session.user.role,
      teamId: session.user.teamId,
      cursor: same ? previous.cursor : 0,
      lastSyncAt: same ? previous.lastSyncAt : null,
    });
    this.api = api;
    this.auth.adopt(session);
    this.lastError = null;
    this.run();
    return this.status();
  }

  async logout(): Promise<SyncStatus> {
    const api = this.api;
    const token = await this.auth.token().catch(() => null);
    this.halt();
    this.auth.forget();
    this.setState('signed_out');
    // Revoking on the server is a courtesy; signing out locally never waits for it.
    if (api && token) await api.logout(token).catch(() => undefined);
    return this.status();
  }

  /** A local write queued an op: send it now if the server is there. */
  kick(): void {
    this.emitStatus();
    if (this.state === 'online') void this.pushNow().catch(() => undefined);
  }

  /** Asks the server for a task; the lease is stored so the task can be worked offline until it ends. */
  async claim(taskId: string): Promise<ClaimResponse> {
    const api = this.requireApi();
    let answer: ClaimResponse;
    try {
      answer = await api.claim(await this.auth.token(), taskId);
    } catch (error) {
      if (error instanceof ServerUnreachable) throw new ApiFailure('unavailable', 'the server is not reachable; tasks can be claimed only online');
      if (error instanceof SignedOut) throw new ApiFailure('unauthorized', 'signed out');
      if (error instanceof ServerRefused) throw new ApiFailure(error.status === 404 ? 'not_found' : 'bad_request', error.message, 'taskId');
      throw error;
    }
    if (answer.granted) {
      const { holder, leaseUntil, epoch } = answer.lease;
      this.deps.replica.setLease(taskId, { holder, leaseUntil: leaseUntil === null ? null : Date.parse(leaseUntil), epoch });
      this.deps.events.emit('changed', { domain: 'tasks', ids: [taskId] });
    }
    return answer;
  }

  /** Stops syncing (host shutdown). */
  stop(): void {
    this.halt();
  }

  /** The session's user id, for services that stamp outcomes with the agent. */
  userId(): string | null {
    return this.deps.state.session()?.userId ?? null;
  }

  private requireApi(): ServerApi {
    if (!this.api) throw new SignedOut('not signed in');
    return this.api;
  }

  private halt(): void {
    this.running = false;
    this.generation += 1;
    this.live?.close();
    this.live = null;
    this.wake?.();
  }

  private run(): void {
    this.halt();
    this.running = true;
    const generation = this.generation;
    void this.loop(generation);
  }

  private current(generation: number): boolean {
    return this.running && generation === this.generation;
  }

  private async loop(generation: number): Promise<void> {
    while (this.current(generation)) {
      try {
        // While offline, each reconnect attempt is not "syncing": the agent keeps seeing "offline
        // since …" until the server has really answered.
        const reconnecting = this.state === 'offline';
        if (!reconnecting) this.setState('syncing');
        await this.pushNow();
        await this.pullAll(generation);
        if (!this.current(generation)) return;
        if (reconnecting) this.setState('syncing');
        const api = this.requireApi();
        const cursor = this.deps.state.session()?.cursor ?? 0;
        const live = listenLive(
          api.liveUrl(await this.auth.token()),
          cursor,
          (changes, next) => {
            if (this.current(generation)) this.applyPage(changes, next);
          },
          () => {
            if (!this.current(generation)) return;
            this.backoff.reset();
            this.setState('online');
            // Anything written while we were connecting goes out now.
            void this.pushNow().catch(() => undefined);
          },
        );
        this.live = live;
        const reason = await live.done;
        if (!this.current(generation)) return;
        this.goOffline(reason);
      } catch (error) {
        if (!this.current(generation)) return;
        if (error instanceof SignedOut) {
          this.lastError = error.message;
          this.running = false;
          this.setState('signed_out');
          return;
        }
        if (error instanceof ServerRefused && error.status === 401) this.auth.invalidate();
        this.goOffline(messageOf(error));
      }
      await this.sleep(this.backoff.next());
    }
  }

  private goOffline(reason: string): void {
    if (this.state !== 'offline') this.offlineSince = this.now();
    this.lastError = reason;
    this.setState('offline');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One push at a time; a write during a push asks for one more round instead of a parallel one. */
  private pushNow(): Promise<void> {
    if (this.pushing) {
      this.pushAgain = true;
      return this.pushing;
    }
    const round = async () => {
      do {
        this.pushAgain = false;
        const api = this.requireApi();
        const node = this.deps.state.node();
        const result = await pushOutbox({
          send: (ops) => this.send(api, node.clientId, ops),
          state: this.deps.state,
          clientId: node.clientId,
          eventById: this.deps.eventById,
          now: this.now,
        });
        if (result.refused.length > 0) console.warn(`sync: the server refused ${result.refused.length} op(s): ${result.refused[0] ?? ''}`);
        this.emitStatus();
      } while (this.pushAgain && this.running);
    };
    this.pushing = round()
      .catch((error: unknown) => {
        // Lost the server mid-push while online: drop the live channel so the loop goes offline and retries.
        if (this.state === 'online') this.live?.close();
        throw error;
      })
      .finally(() => {
        this.pushing = null;
      });
    return this.pushing;
  }

  /**
   * One batch of the outbox: over the live channel while it is open (no HTTP request per outcome),
   * else over HTTP. A socket whose token expired is handed a fresh one and asked again; if it still
   * refuses, HTTP takes the batch (and renews the token on the way).
   */
  private async send(api: ServerApi, clientId: string, ops: Operation[]): Promise<PushResponse> {
    const live = this.live;
    if (live?.isOpen()) {
      try {
        return await live.push(clientId, ops);
      } catch (error) {
        if (!(error instanceof ServerRefused && error.status === 401)) throw error;
      }
      live.authorize(await this.auth.token());
      try {
        return await live.push(clientId, ops);
      } catch (error) {
        if (!(error instanceof ServerRefused && error.status === 401)) throw error;
      }
    }
    return api.push(await this.auth.token(), clientId, ops);
  }

  /**
   * Pulls until the feed is drained. The next page is asked for as soon as a page's headers say
   * where it ends, so the server reads and sends page N+1 while this process reads, checks and
   * applies page N; the cursor still moves only after a page is applied, so a cut repeats at most
   * the page in hand. A first sync into an empty store runs as an initial load
   * (replica.beginInitialLoad): indexes rebuilt once at the end.
   */
  private async pullAll(generation: number): Promise<void> {
    const api = this.requireApi();
    const limit = this.deps.pullLimit ?? PULL_LIMIT;
    const since = this.deps.state.session()?.cursor ?? 0;
    // An initial load whose finish failed (the pull went on without it): finished before anything else.
    if (since !== 0) this.deps.replica.finishInitialLoad();
    const initial = since === 0 && this.deps.replica.beginInitialLoad();
    const ask = (from: number) => {
      const answer = (async () => api.pull(await this.auth.token(), from, limit))();
      // Settled below, or dropped when this loop ends early: never an unhandled rejection.
      answer.catch(() => undefined);
      return answer;
    };
    // The head only grows while we pull (others keep writing): the furthest one seen is the goal.
    let head = since;
    try {
      for (let next: Promise<PullAnswer> | null = ask(since); next; ) {
        const answer: PullAnswer = await next;
        next = answer.next?.hasMore ? ask(answer.next.cursor) : null;
        const page = await answer.page();
        if (!this.current(generation)) return;
        if (!answer.next && page.hasMore) {
          // No headers (stripped on the way): the next request goes out after this body, before applying it.
          next = ask(page.cursor);
          await requestSent();
        }
        head = Math.max(head, page.head ?? page.cursor);
        this.progress = head > since ? Math.min(1, (page.cursor - since) / (head - since)) : null;
        this.applyPage(page.changes, page.cursor);
      }
    } finally {
      this.progress = null;
      if (initial) this.deps.replica.finishInitialLoad();
    }
  }

  private applyPage(changes: readonly Change[], cursor: number): void {
    const touched: Touched = changes.length > 0 ? applyChanges(this.deps.replica, changes) : { customers: [], history: [], tasks: [] };
    this.deps.state.advanceCursor(cursor, this.now());
    for (const [domain, ids] of [
      ['customers', touched.customers],
      ['history', touched.history],
      ['tasks', touched.tasks],
    ] as const) {
      for (let i = 0; i < ids.length; i += 1000) this.deps.events.emit('changed', { domain, ids: ids.slice(i, i + 1000) });
    }
    this.emitStatus();
  }

  private setState(state: SyncState): void {
    this.state = state;
    if (state !== 'offline') this.offlineSince = null;
    this.emitStatus();
  }

  private emitStatus(): void {
    let status: SyncStatus;
    try {
      status = this.status();
    } catch {
      return; // the store is closing
    }
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.deps.events.emit('syncStatus', status);
  }
}
