import WebSocket from 'ws';
import { LiveServerMessage, type Change, type Operation, type PushResponse } from '../../../shared/sync';
import { ServerRefused, ServerUnreachable } from './http';

const PING_EVERY_MS = 20_000;
/** An unanswered push over the socket is given up after this (the socket is then dropped: it is not live). */
const PUSH_TIMEOUT_MS = 30_000;

export interface LiveChannel {
  /** Resolves when the connection ends, for whatever reason, with that reason. */
  done: Promise<string>;
  close: () => void;
  /** Pushes over the socket (the same acks as /sync/push); rejects when it is not open or the server refused it. */
  push: (clientId: string, ops: Operation[]) => Promise<PushResponse>;
  isOpen: () => boolean;
  /** Hands the socket a fresh access token (the one it was opened with expires). */
  authorize: (token: string) => void;
}

/**
 * The live channel: says hello with the cursor, then receives every new change of the agent's
 * scope, and carries the console's pushes while it is open. Resolves `done` when the connection
 * ends (server gone, network lost, no pong in time); the caller decides when to come back.
 * Messages are handled one at a time, in order, so the cursor only ever moves over changes
 * already applied. A push cut by the end of the connection rejects as unreachable: its ops stay
 * in the outbox and go again, and the server's op ids make the repeat harmless.
 */
export function listenLive(url: string, cursor: number, onChanges: (changes: Change[], cursor: number) => void, onOpen: () => void): LiveChannel {
  const socket = new WebSocket(url, { handshakeTimeout: 10_000 });
  let alive = true;
  let open = false;
  let ping: ReturnType<typeof setInterval> | null = null;
  let nextId = 1;
  const pushes = new Map<number, { resolve: (r: PushResponse) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const settle = (id: number) => {
    const p = pushes.get(id);
    if (p) {
      clearTimeout(p.timer);
      pushes.delete(id);
    }
    return p;
  };
  const done = new Promise<string>((resolve) => {
    const finish = (reason: string) => {
      open = false;
      if (ping) clearInterval(ping);
      ping = null;
      for (const id of [...pushes.keys()]) settle(id)?.reject(new ServerUnreachable(`live channel: ${reason}`));
      resolve(reason);
    };
    socket.on('open', () => {
      open = true;
      socket.send(JSON.stringify({ type: 'hello', cursor }));
      ping = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.send(JSON.stringify({ type: 'ping' }));
      }, PING_EVERY_MS);
      onOpen();
    });
    socket.on('message', (data: Buffer) => {
      alive = true;
      const msg = LiveServerMessage.safeParse(JSON.parse(data.toString('utf8')));
      if (!msg.success) return;
      if (msg.data.type === 'changes') {
        try {
          onChanges(msg.data.changes, msg.data.cursor);
        } catch (error) {
          // Could not store them: drop the connection; the next connect resends from the cursor.
          socket.terminate();
          finish(`could not apply live changes: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else if (msg.data.type === 'acks') settle(msg.data.id)?.resolve({ acks: msg.data.acks });
      else if (msg.data.type === 'error') {
        if (msg.data.id === undefined) return socket.close();
        const status = msg.data.code === 'unauthorized' ? 401 : msg.data.code === 'bad_request' ? 400 : 500;
        const error = status === 500 ? new ServerUnreachable(msg.data.message) : new ServerRefused(status, msg.data.code, msg.data.message);
        settle(msg.data.id)?.reject(error);
      }
    });
    socket.on('error', (error) => finish(error.message));
    socket.on('close', () => finish('live connection closed'));
  });
  return {
    done,
    close: () => socket.terminate(),
    isOpen: () => open,
    authorize(token) {
      if (open) socket.send(JSON.stringify({ type: 'auth', token }));
    },
    push(clientId, ops) {
      if (!open) return Promise.reject(new ServerUnreachable('live channel not open'));
      const id = nextId++;
      return new Promise<PushResponse>((resolve, reject) => {
        const timer = setTimeout(() => {
          settle(id)?.reject(new ServerUnreachable(`live channel: no answer to a push in ${PUSH_TIMEOUT_MS / 1000} s`));
          socket.terminate();
        }, PUSH_TIMEOUT_MS);
        pushes.set(id, { resolve, reject, timer });
        socket.send(JSON.stringify({ type: 'push', id, clientId, ops }));
      });
    },
  };
}
