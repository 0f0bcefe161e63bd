/**
 * Keeps an agent registered for a whole shift, whatever the network does.
 *
 * sip.js re-registers before expiry by itself, but it gives up in the situations agents actually
 * meet: the WebSocket drops (PBX restart, Wi-Fi change, VPN), the laptop sleeps past the binding's
 * expiry, or a REGISTER was in flight when the socket died, after which `register()` keeps failing
 * with "REGISTER request already in progress" until the transaction times out. The keeper owns
 * the recovery: reconnect with backoff, and on every (re)connection a *fresh* Registerer, so a
 * stuck transaction can never keep the agent unregistered.
 *
 * It talks to sip.js through the small `SipPort` interface so it can be tested with fakes and a
 * fake clock; `sip-port.ts` is the real implementation.
 */

export type RegistrationStatus =
  | { state: 'idle' }
  | { state: 'connecting'; attempt: number }
  | { state: 'registering' }
  | { state: 'registered'; since: number }
  | { state: 'retrying'; at: number; reason: string }
  | { state: 'rejected'; code: number; reason: string };

export type RegisterOutcome = { ok: true } | { ok: false; code: number; reason: string };

export interface RegistrationHandle {
  /** Send REGISTER; resolves when the registrar answered (or the request failed). */
  register(): Promise<RegisterOutcome>;
  /** Called when sip.js reports the binding lost (expired, terminated). */
  onLost(listener: () => void): void;
  dispose(): Promise<void>;
}

export interface SipPort {
  connect(): Promise<void>;
  isConnected(): boolean;
  onDisconnect(listener: (error?: Error) => void): void;
  createRegistration(): RegistrationHandle;
  unregister(): Promise<void>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface KeeperOptions {
  /** Backoff for reconnects and failed REGISTERs: base, doubled per attempt, capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often the watchdog checks that we are still registered. */
  watchdogMs?: number;
  /** A watchdog tick this late means the machine slept: re-register at once. */
  sleepGapMs?: number;
  /** A REGISTER without any answer by then counts as failed (the socket may be half-dead). */
  registerTimeoutMs?: number;
  random?: () => number;
}

const AUTH_FAILURES = new Set([401, 403, 407]);

export class RegistrationKeeper {
  private status: RegistrationStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: RegistrationStatus) => void>();
  private registration: RegistrationHandle | null = null;
  private running = false;
  private busy = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private lastTick = 0;
  private readonly opts: Required<KeeperOptions>;

  constructor(
    private readonly port: SipPort,
    private readonly clock: Clock,
    options: KeeperOptions = {},
  ) {
    this.opts = {
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 15_000,
      watchdogMs: options.watchdogMs ?? 2_000,
      sleepGapMs: options.sleepGapMs ?? 10_000,
      registerTimeoutMs: options.registerTimeoutMs ?? 8_000,
      random: options.random ?? Math.random,
    };
    port.onDisconnect(() => {
      if (!this.running) return;
      this.setStatus({ state: 'retrying', at: this.clock.now(), reason: 'connection lost' });
      this.kick('disconnected');
    });
  }

  get current(): RegistrationStatus {
    return this.status;
  }

  subscribe(listener: (status: RegistrationStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.lastTick = this.clock.now();
    this.scheduleWatchdog();
    this.kick('start');
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearRetry();
    if (this.watchdogTimer !== null) this.clock.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = null;
    const registration = this.registration;
    this.registration = null;
    if (registration && this.port.isConnected()) await this.port.unregister().catch(() => undefined);
    await registration?.dispose().catch(() => undefined);
    this.setStatus({ state: 'idle' });
  }

  /** The network came back (browser `online`, OS resume): try now instead of waiting out the backoff. */
  networkChanged(): void {
    if (!this.running) return;
    this.attempt = 0;
    this.kick('network change', true);
  }

  /** Run one recovery pass now unless one is already running. */
  private kick(_why: string, fresh = false): void {
    if (!this.running) return;
    this.clearRetry();
    if (this.busy) return;
    void this.recover(fresh);
  }

  private async recover(fresh: boolean): Promise<void> {
    this.busy = true;
    try {
      if (!this.port.isConnected()) {
        this.setStatus({ state: 'connecting', attempt: this.attempt + 1 });
        await this.port.connect();
        fresh = true;
      }
      if (!this.running) return;
      if (fresh || !this.registration || this.status.state !== 'registered') {
        await this.registerFresh();
      }
    } catch (error) {
      this.scheduleRetry(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
    }
  }

  /**
   * Always a new Registerer: the old one may hold a REGISTER transaction that will never get an
   * answer over the dead socket, which is what leaves sip.js stuck "already in progress".
   */
  private async registerFresh(): Promise<void> {
    const old = this.registration;
    this.registration = null;
    void old?.dispose().catch(() => undefined);
    const registration = this.port.createRegistration();
    this.registration = registration;
    registration.onLost(() => {
      if (this.registration !== registration || !this.running) return;
      this.setStatus({ state: 'retrying', at: this.clock.now(), reason: 'registration lost' });
      this.kick('lost', true);
    });
    this.setStatus({ state: 'registering' });
    const outcome = await this.withTimeout(registration.register());
    if (this.registration !== registration || !this.running) return;
    if (outcome.ok) {
      this.attempt = 0;
      this.setStatus({ state: 'registered', since: this.clock.now() });
      return;
    }
    if (AUTH_FAILURES.has(outcome.code)) {
      // Wrong credentials do not fix themselves; hammering the registrar would only lock the account.
      this.setStatus({ state: 'rejected', code: outcome.code, reason: outcome.reason });
      return;
    }
    this.scheduleRetry(`${outcome.code} ${outcome.reason}`);
  }

  private withTimeout(request: Promise<RegisterOutcome>): Promise<RegisterOutcome> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => resolve({ ok: false, code: 408, reason: 'no answer to REGISTER' }), this.opts.registerTimeoutMs);
      request.then(
        (outcome) => {
          this.clock.clearTimeout(timer);
          resolve(outcome);
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer);
          resolve({ ok: false, code: 0, reason: error instanceof Error ? error.message : String(error) });
        },
      );
    });
  }

  private scheduleRetry(reason: string): void {
    if (!this.running) return;
    this.clearRetry();
    const delay = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** this.attempt);
    const jittered = Math.round(delay * (0.75 + this.opts.random() * 0.5));
    this.attempt += 1;
    this.setStatus({ state: 'retrying', at: this.clock.now() + jittered, reason });
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      this.kick('retry', true);
    }, jittered);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleWatchdog(): void {
    this.watchdogTimer = this.clock.setTimeout(() => this.watchdog(), this.opts.watchdogMs);
  }

  private watchdog(): void {
    if (!this.running) return;
    const now = this.clock.now();
    const slept = now - this.lastTick > this.opts.sleepGapMs;
    this.lastTick = now;
    if (slept) {
      // After a sleep the binding may have expired at the registrar while we still think it holds.
      this.attempt = 0;
      this.kick('resume', true);
    } else if (!this.busy && this.retryTimer === null && this.status.state !== 'registered' && this.status.state !== 'rejected') {
      this.kick('watchdog', true);
    } else if (this.status.state === 'registered' && !this.port.isConnected()) {
      this.kick('socket gone', true);
    }
    this.scheduleWatchdog();
  }

  private setStatus(status: RegistrationStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
