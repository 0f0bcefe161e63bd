/**
 * Failed-login limiter: a fixed number of failures per key within a window. Keys are
 * `user|ip` (stops guessing one account) and `ip` (stops spraying many accounts). In memory, per
 * process: with several processes an attacker gets a few more tries per process, still far too few.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerUser = 5,
    private readonly maxPerIp = 30,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfter(username: string, ip: string, now: number): number {
    const user = this.recent(`${username}|${ip}`, now);
    const all = this.recent(ip, now);
    const blocked = [user.length >= this.maxPerUser ? user : null, all.length >= this.maxPerIp ? all : null].filter((l) => l !== null);
    if (blocked.length === 0) return 0;
    return Math.max(...blocked.map((l) => (l[0] ?? now) + this.windowMs - now));
  }

  fail(username: string, ip: string, now: number): void {
    for (const key of [`${username}|${ip}`, ip]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string, ip: string): void {
    this.failures.delete(`${username}|${ip}`);
  }
}
