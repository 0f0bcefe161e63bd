import WebSocket from 'ws';
import { LiveServerMessage, type Change } from '../../../shared/sync';

const PING_EVERY_MS = 20_000;

/**
 * The live channel: says hello with the cursor, then receives every new change of the agent's
 * scope. Resolves when the connection ends, for whatever reason (server gone, network lost, no
 * pong in time); the caller decides when to come back. Messages are handled one at a time, in
 * order, so the cursor only ever moves over changes already applied.
 */
export function listenLive(url: string, cursor: number, onChanges: (changes: Change[], cursor: number) => void, onOpen: () => void): { done: Promise<string>; close: () => void } {
  const socket = new WebSocket(url, { handshakeTimeout: 10_000 });
  let alive = true;
  let ping: ReturnType<typeof setInterval> | null = null;
  const done = new Promise<string>((resolve) => {
    const finish = (reason: string) => {
      if (ping) clearInterval(ping);
      ping = null;
      resolve(reason);
    };
    socket.on('open', () => {
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
      } else if (msg.data.type === 'error') socket.close();
    });
    socket.on('error', (error) => finish(error.message));
    socket.on('close', () => finish('live connection closed'));
  });
  return { done, close: () => socket.terminate() };
}
