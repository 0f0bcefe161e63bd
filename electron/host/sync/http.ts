import { z } from 'zod';
import { ClaimResponse, PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER, PullResponse, PushResponse, ServerErrorBody, type Operation } from '../../../shared/sync';

/** The server answered, and said no: `code` is the server's error code (unauthorized, forbidden…). */
export class ServerRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServerRefused';
  }
}

/** No answer at all (server down, network gone, timed out): the console is offline. */
export class ServerUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerUnreachable';
  }
}

export const Session = z.object({
  accessToken: z.string().min(1),
  expiresInSec: z.number().positive(),
  refreshToken: z.string().min(1),
  user: z.object({ id: z.string(), username: z.string(), role: z.enum(['agent', 'supervisor', 'admin']), teamId: z.string().nullable() }),
});
export type Session = z.infer<typeof Session>;

const TIMEOUT_MS = 30_000;

/** A pull answer whose headers have arrived: where the page ends (when the server said), and its body. */
export interface PullAnswer {
  /** From the headers; null when they are missing (a proxy may strip them): then only the body tells. */
  next: { cursor: number; hasMore: boolean } | null;
  /** Reads and checks the body; rejects when it disagrees with the headers. */
  page(): Promise<PullResponse>;
}

/** A server address as the console keeps it (the session's `server`): without trailing slashes. */
export const serverBase = (address: string): string => address.replace(/\/+$/, '');

/** The server's HTTP API as the console uses it; every answer is validated before it is trusted. */
export function serverApi(base: string, fetchImpl: typeof fetch = fetch) {
  const root = serverBase(base);
  async function send(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<Response> {
    try {
      return await fetchImpl(`${root}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerUnreachable(`cannot reach ${root}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    }
  }
  async function read<T>(schema: z.ZodType<T>, res: Response, path: string): Promise<T> {
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      // A proxy's HTML error page, or the connection cut mid-body.
      if (res.ok || res.status >= 500) throw new ServerUnreachable(`${root}${path}: unreadable answer (HTTP ${res.status})`);
      throw new ServerRefused(res.status, 'bad_response', `HTTP ${res.status}`);
    }
    if (!res.ok) {
      const err = ServerErrorBody.safeParse(json);
      if (res.status >= 500) throw new ServerUnreachable(`${root}${path}: HTTP ${res.status}`);
      if (err.success) throw new ServerRefused(res.status, err.data.error.code, err.data.error.message, err.data.error.field);
      throw new ServerRefused(res.status, 'bad_response', `HTTP ${res.status}`);
    }
    return schema.parse(json);
  }
  const call = async <T>(schema: z.ZodType<T>, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> =>
    read(schema, await send(method, path, token, body), path);

  async function pull(token: string, since: number, limit: number): Promise<PullAnswer> {
    const path = `/sync/pull?since=${since}&limit=${limit}`;
    const res = await send('GET', path, token);
    const cursor = Number(res.headers.get(PULL_CURSOR_HEADER) ?? NaN);
    const more = res.headers.get(PULL_HAS_MORE_HEADER);
    const next = res.ok && Number.isSafeInteger(cursor) && cursor >= 0 && (more === '1' || more === '0') ? { cursor, hasMore: more === '1' } : null;
    return {
      next,
      async page() {
        const page = await read(PullResponse, res, path);
        if (next && (next.cursor !== page.cursor || next.hasMore !== page.hasMore)) {
          throw new ServerUnreachable(`${root}${path}: the headers say cursor ${next.cursor}, the body ${page.cursor}`);
        }
        return page;
      },
    };
  }
  return {
    base: root,
    login: (username: string, password: string) => call(Session, 'POST', '/auth/login', null, { username, password }),
    refresh: (refreshToken: string) => call(Session, 'POST', '/auth/refresh', null, { refreshToken }),
    logout: (token: string) => call(z.unknown(), 'POST', '/auth/logout', token, {}),
    pull,
    push: (token: string, clientId: string, ops: Operation[]) => call(PushResponse, 'POST', '/sync/push', token, { clientId, ops }),
    claim: (token: string, taskId: string) => call(ClaimResponse, 'POST', `/tasks/${encodeURIComponent(taskId)}/claim`, token, {}),
    /** ws(s):// address of the live channel. */
    liveUrl: (token: string) => `${root.replace(/^http/, 'ws')}/sync/live?access_token=${encodeURIComponent(token)}`,
  };
}
export type ServerApi = ReturnType<typeof serverApi>;
