import { ServerRefused, type ServerApi, type Session } from './http';

/** Where the refresh token rests between runs: sealed by the host's secret box, never in the renderer. */
export interface TokenVault {
  get(): string | null;
  set(token: string | null): void;
}

/** The refresh token is gone or refused: the agent must sign in again. Local data and the outbox stay. */
export class SignedOut extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignedOut';
  }
}

/** Renew the access token this long before it expires, so a request never starts with a dying token. */
const MARGIN_MS = 60_000;

/**
 * Holds the access token in memory and renews it with the stored refresh token. Refresh tokens
 * work once (the server rotates them), so renewals are single-flight and the new token is stored
 * before anything else happens.
 */
export class Auth {
  private access: { token: string; until: number } | null = null;
  private renewing: Promise<string> | null = null;

  constructor(
    private readonly api: () => ServerApi,
    private readonly vault: TokenVault,
    private readonly now: () => number,
  ) {}

  adopt(session: Session): void {
    this.vault.set(session.refreshToken);
    this.access = { token: session.accessToken, until: this.now() + session.expiresInSec * 1000 };
  }

  hasRefreshToken(): boolean {
    return this.vault.get() !== null;
  }

  forget(): void {
    this.access = null;
    this.vault.set(null);
  }

  /** A usable access token, renewed when needed. Throws SignedOut or ServerUnreachable. */
  async token(): Promise<string> {
    if (this.access && this.access.until - MARGIN_MS > this.now()) return this.access.token;
    this.renewing ??= this.renew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  /** After a 401 on a token we thought valid (server restarted with a new key, clock jump). */
  invalidate(): void {
    this.access = null;
  }

  private async renew(): Promise<string> {
    const refreshToken = this.vault.get();
    if (!refreshToken) throw new SignedOut('signed out');
    try {
      const session = await this.api().refresh(refreshToken);
      this.adopt(session);
      return session.accessToken;
    } catch (error) {
      if (error instanceof ServerRefused && (error.status === 401 || error.status === 400)) {
        this.forget();
        throw new SignedOut(error.message);
      }
      throw error;
    }
  }
}
