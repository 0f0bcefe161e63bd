import type { WebSocket } from 'ws';
import { describeZodError } from '../../shared/api';
import { LiveClientMessage, type LiveServerMessage } from '../../shared/sync';
import type { Actor } from '../store/access';
import type { Store } from '../store/store';
import { pushOps } from './push-ops';

const BATCH = 500;

/**
 * Live changes over the WebSocket. Each connection keeps its own cursor; whenever changes commit
 * (here, or on PostgreSQL in any server process, via LISTEN/NOTIFY) every connection pulls what
 * is new for it through the same scoped feed as /sync/pull, so live and pulled data never differ.
 */
class Connection {
  cursor: number | null = null;
  private running = false;
  private again = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly actor: Actor,
    private readonly store: Store,
  ) {}

  send(msg: LiveServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(msg));
  }

  /** Coalesces wake-ups: one flush at a time, and one more if something changed meanwhile. */
  async flush(): Promise<void> {
    if (this.cursor === null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const page = await this.store.pull(this.actor, this.cursor, BATCH);
          this.cursor = page.cursor;
          if (page.changes.length > 0) this.send({ type: 'changes', changes: page.changes, cursor: page.cursor });
          if (!page.hasMore) break;
        }
      } while (this.again && this.socket.readyState === this.socket.OPEN);
    } finally {
      this.running = false;
    }
  }
}

export class LiveHub {
  private readonly connections = new Set<Connection>();
  private readonly off: () => void;

  constructor(private readonly store: Store) {
    this.off = store.onChange(() => this.wakeAll());
  }

  get size(): number {
    return this.connections.size;
  }

  private wakeAll(): void {
    for (const c of this.connections) void c.flush().catch(() => undefined);
  }

  /**
   * `auth.valid(token)`: whether a token still holds for this socket's account. The token the
   * socket was opened with expires while the socket stays open; the console sends a fresh one
   * (`auth`), and a push under an expired one is refused, so it goes over HTTP, which renews it.
   */
  attach(socket: WebSocket, actor: Actor, auth: { token: string; valid: (token: string) => boolean } = { token: '', valid: () => true }): void {
    let token = auth.token;
    const conn = new Connection(socket, actor, this.store);
    this.connections.add(conn);
    socket.on('close', () => this.connections.delete(conn));
    socket.on('message', (data: Buffer) => {
      let parsed: ReturnType<typeof LiveClientMessage.safeParse>;
      try {
        parsed = LiveClientMessage.safeParse(JSON.parse(data.toString('utf8')));
      } catch {
        parsed = LiveClientMessage.safeParse(undefined);
      }
      if (!parsed.success) return conn.send({ type: 'error', code: 'bad_request', message: `expected {type:"hello",cursor}, {type:"ping"}, {type:"push",id,clientId,ops} or {type:"auth",token}: ${describeZodError(parsed.error).message}`.slice(0, 500) });
      const msg = parsed.data;
      if (msg.type === 'ping') return conn.send({ type: 'pong' });
      if (msg.type === 'push') {
        if (!auth.valid(token)) return conn.send({ type: 'error', id: msg.id, code: 'unauthorized', message: 'access token expired' });
        return void pushOps(this.store, actor, msg.clientId, msg.ops).then(
          (acks) => conn.send({ type: 'acks', id: msg.id, acks }),
          (error: unknown) => conn.send({ type: 'error', id: msg.id, code: 'internal', message: `push failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) }),
        );
      }
      if (msg.type === 'auth') {
        if (auth.valid(msg.token)) token = msg.token;
        return;
      }
      conn.cursor = msg.cursor;
      void conn.flush().catch(() => conn.send({ type: 'error', code: 'internal', message: 'could not read changes' }));
    });
  }

  close(): void {
    this.off();
  }
}
