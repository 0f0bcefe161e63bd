import type { WebSocket } from 'ws';
import { describeZodError } from '../../shared/api';
import { LiveClientMessage, type LiveServerMessage } from '../../shared/sync';
import type { Actor } from '../store/access';
import type { Store } from '../store/store';
import { changesFrames } from './frames';
import { pushOps } from './push-ops';

const BATCH = 500;
/**
 * Bytes a console may have waiting in its socket before the hub stops sending it changes. A
 * console on a slow link (or one that stopped reading) is skipped, its cursor left where it is, and
 * caught up from that cursor once its socket has drained: the server never buffers an unbounded
 * backlog for it, and its acks do not queue behind megabytes of changes.
 */
export const MAX_BUFFERED_BYTES = 1 << 20;
/** How soon the hub looks again at consoles it held back. */
const HELD_BACK_RETRY_MS = 100;

/** One console's socket: who it is and how far it has been sent the feed (null until its hello). */
class Connection {
  cursor: number | null = null;

  constructor(
    private readonly socket: WebSocket,
    readonly actor: Actor,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** More than MAX_BUFFERED_BYTES not yet written to the network. */
  get backedUp(): boolean {
    return this.socket.bufferedAmount > MAX_BUFFERED_BYTES;
  }

  send(msg: LiveServerMessage): void {
    if (this.open) this.socket.send(JSON.stringify(msg));
  }

  /** A message already encoded (changesFrames), as a text frame. */
  sendFrame(frame: Buffer): void {
    if (this.open) this.socket.send(frame, { binary: false });
  }
}

/**
 * Live changes over the WebSocket. Each connection keeps its own cursor; whenever changes commit
 * (here, or on PostgreSQL in any server process, via LISTEN/NOTIFY) the hub sends every connection
 * what is new for it through the same scoped feed as /sync/pull, so live and pulled data never
 * differ. Connections at the same cursor — in steady state all of them — share one read of the
 * feed per wake-up (`store.pullMany`): 500 listening consoles cost one feed read per commit, not
 * 500, and each change is serialized once per round, not once per console (`changesFrames`).
 * Wake-ups coalesce: one round at a time, and one more if something changed meanwhile.
 */
export class LiveHub {
  private readonly connections = new Set<Connection>();
  private readonly off: () => void;
  private running = false;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  /** Rounds in which some console was held back (backedUp): for tests and diagnostics. */
  heldBackRounds = 0;

  constructor(private readonly store: Store) {
    this.off = store.onChange(() => void this.wake());
  }

  get size(): number {
    return this.connections.size;
  }

  /** Sends every connection what is new for it; settles when the round (and any it triggered) is done. */
  async wake(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      let heldBack = false;
      do {
        this.again = false;
        const groups = new Map<number, Connection[]>();
        for (const c of this.connections) {
          if (c.cursor === null || !c.open) continue;
          if (c.backedUp) {
            heldBack = true;
            continue;
          }
          const group = groups.get(c.cursor);
          if (group) group.push(c);
          else groups.set(c.cursor, [c]);
        }
        // A console catching up from an old cursor does not hold back the live ones.
        const flushed = await Promise.all([...groups].map(([cursor, group]) => this.flush(cursor, group)));
        heldBack ||= flushed.includes(true);
      } while (this.again);
      if (heldBack) {
        this.heldBackRounds++;
        this.retry ??= setTimeout(() => {
          this.retry = null;
          void this.wake();
        }, HELD_BACK_RETRY_MS).unref();
      }
    } finally {
      this.running = false;
    }
  }

  /** Sends a group its pages from `from`; true when a console backed up on the way (the rest waits for its socket to drain). */
  private async flush(from: number, everyone: readonly Connection[]): Promise<boolean> {
    let group = everyone;
    try {
      for (let since = from; ; ) {
        const page = await this.store.pullMany(
          group.map((c) => c.actor),
          since,
          BATCH,
        );
        const frame = changesFrames(page.cursor);
        group.forEach((c, i) => {
          c.cursor = page.cursor;
          const changes = page.changes[i] ?? [];
          if (changes.length > 0) c.sendFrame(frame(changes));
        });
        since = page.cursor;
        group = group.filter((c) => !c.backedUp);
        if (!page.hasMore || group.length === 0) return group.length < everyone.length;
      }
    } catch {
      for (const c of group) c.send({ type: 'error', code: 'internal', message: 'could not read changes' });
      return false;
    }
  }

  /**
   * `auth.valid(token)`: whether a token still holds for this socket's account. The token the
   * socket was opened with expires while the socket stays open; the console sends a fresh one
   * (`auth`), and a push under an expired one is refused, so it goes over HTTP, which renews it.
   */
  attach(socket: WebSocket, actor: Actor, auth: { token: string; valid: (token: string) => boolean } = { token: '', valid: () => true }): void {
    let token = auth.token;
    const conn = new Connection(socket, actor);
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
      void this.wake();
    });
  }

  close(): void {
    this.off();
    if (this.retry) clearTimeout(this.retry);
  }
}
