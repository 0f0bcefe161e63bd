import { describe, expect, it } from 'vitest';
import { RegistrationKeeper, type Clock, type RegisterOutcome, type RegistrationHandle, type SipPort } from './registration-keeper';

/** A clock whose time only moves when the test says so. */
class FakeClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  /** Move time forward, firing due timers in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const next = [...this.timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
    await flush();
  }
  /** Jump the wall clock without firing timers, as a laptop lid does. */
  sleep(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.values()) timer.at += ms;
  }
}
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

type Answer = RegisterOutcome | 'hang';
class FakeSip implements SipPort {
  connected = false;
  reachable = true;
  answers: Answer[] = [];
  registrations: Array<{ disposed: boolean; lost?: () => void }> = [];
  connects = 0;
  private disconnectListener: (() => void) | undefined;
  connect = () => {
    this.connects++;
    if (!this.reachable) return Promise.reject(new Error('WebSocket closed: connection refused'));
    this.connected = true;
    return Promise.resolve();
  };
  isConnected = () => this.connected;
  onDisconnect = (l: () => void) => {
    this.disconnectListener = l;
  };
  unregister = () => Promise.resolve();
  createRegistration = (): RegistrationHandle => {
    const record: { disposed: boolean; lost?: () => void } = { disposed: false };
    this.registrations.push(record);
    const answer = this.answers.shift() ?? { ok: true };
    return {
      register: () => (answer === 'hang' ? new Promise<RegisterOutcome>(() => undefined) : Promise.resolve(answer)),
      onLost: (l) => {
        record.lost = l;
      },
      dispose: () => {
        record.disposed = true;
        return Promise.resolve();
      },
    };
  };
  /** The PBX went away (restart, network cut). */
  drop(): void {
    this.connected = false;
    this.disconnectListener?.();
  }
}

function setup() {
  const clock = new FakeClock();
  const sip = new FakeSip();
  const keeper = new RegistrationKeeper(sip, clock, { random: () => 0.5 });
  const states: string[] = [];
  keeper.subscribe((s) => states.push(s.state));
  return { clock, sip, keeper, states };
}

describe('RegistrationKeeper', () => {
  it('connects and registers on start', async () => {
    const { clock, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    expect(keeper.current.state).toBe('registered');
  });

  it('is registered again within 10 s after the PBX restarts, without a click', async () => {
    const { clock, sip, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    sip.reachable = false;
    sip.drop();
    await clock.advance(3_000); // PBX down for three seconds: reconnects fail and back off
    expect(keeper.current.state).toBe('retrying');
    expect(sip.connects).toBeGreaterThan(2);
    sip.reachable = true;
    await clock.advance(7_000);
    expect(keeper.current.state).toBe('registered');
  });

  it('never stays stuck behind a REGISTER that gets no answer', async () => {
    const { clock, sip, keeper } = setup();
    sip.answers = ['hang'];
    keeper.start();
    await clock.advance(0);
    expect(keeper.current.state).toBe('registering');
    await clock.advance(10_000);
    expect(keeper.current.state).toBe('registered');
    expect(sip.registrations).toHaveLength(2);
    expect(sip.registrations[0]?.disposed).toBe(true);
  });

  it('uses a fresh Registerer after every reconnect, so an in-flight REGISTER cannot block it', async () => {
    const { clock, sip, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    sip.drop();
    await clock.advance(2_000);
    expect(sip.registrations).toHaveLength(2);
    expect(sip.registrations[0]?.disposed).toBe(true);
    expect(keeper.current.state).toBe('registered');
  });

  it('stops retrying on wrong credentials and says so', async () => {
    const { clock, sip, keeper } = setup();
    sip.answers = [{ ok: false, code: 403, reason: 'Forbidden' }];
    keeper.start();
    await clock.advance(60_000);
    expect(keeper.current).toEqual({ state: 'rejected', code: 403, reason: 'Forbidden' });
    expect(sip.registrations).toHaveLength(1);
  });

  it('retries server errors with growing, capped backoff', async () => {
    const { clock, sip, keeper } = setup();
    sip.answers = Array.from({ length: 5 }, () => ({ ok: false as const, code: 503, reason: 'Service Unavailable' }));
    keeper.start();
    await clock.advance(4_000);
    const early = sip.registrations.length;
    expect(early).toBeGreaterThanOrEqual(3);
    expect(early).toBeLessThanOrEqual(5);
    await clock.advance(30_000);
    expect(keeper.current.state).toBe('registered');
  });

  it('re-registers at once after the machine slept', async () => {
    const { clock, sip, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    clock.sleep(3_600_000);
    await clock.advance(2_100);
    expect(sip.registrations).toHaveLength(2);
    expect(keeper.current.state).toBe('registered');
  });

  it('recovers when sip.js reports the binding lost', async () => {
    const { clock, sip, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    sip.registrations[0]?.lost?.();
    await clock.advance(0);
    expect(sip.registrations).toHaveLength(2);
    expect(keeper.current.state).toBe('registered');
  });

  it('goes idle and stops all timers on stop', async () => {
    const { clock, sip, keeper } = setup();
    keeper.start();
    await clock.advance(0);
    await keeper.stop();
    sip.drop();
    await clock.advance(60_000);
    expect(keeper.current.state).toBe('idle');
    expect(sip.registrations).toHaveLength(1);
  });
});
