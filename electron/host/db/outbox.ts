import { fromMillis, toMillis } from './instant';
import { parseJsonColumn } from './json';
import type { Db } from './open';

export interface OutboxOp {
  opId: string;
  kind: string;
  payload: unknown;
  createdAt: string;
  attempts: number;
  sentAt: string | null;
}

export interface OutboxReader {
  /** Oldest first; only ops the server has not acknowledged. */
  pending(limit: number): OutboxOp[];
  pendingCount(): number;
}

export interface OutboxWriter {
  /** Meant to run inside the caller's transaction, next to the change it describes. */
  enqueue(op: { opId: string; kind: string; payload: unknown; createdAt: string }): void;
  markSent(opIds: readonly string[], sentAt: string): void;
  recordAttempt(opIds: readonly string[]): void;
}

interface OutboxRow {
  op_id: string;
  kind: string;
  payload: string;
  created_at: number;
  attempts: number;
  sent_at: number | null;
}

export function outboxStore(db: Db): OutboxReader & OutboxWriter {
  const selectPending = db.prepare<[number], OutboxRow>(
    'SELECT op_id, kind, payload, created_at, attempts, sent_at FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?',
  );
  const countPending = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL');
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO outbox (op_id, kind, payload, created_at) VALUES (?, ?, ?, ?)',
  );
  // Only the first acknowledgement counts: a resent batch must not move sent_at.
  const setSent = db.prepare<[number, string]>('UPDATE outbox SET sent_at = ? WHERE op_id = ? AND sent_at IS NULL');
  const bump = db.prepare<[string]>('UPDATE outbox SET attempts = attempts + 1 WHERE op_id = ?');
  const markSent = db.transaction((opIds: readonly string[], at: number) => opIds.forEach((id) => setSent.run(at, id)));
  const recordAttempt = db.transaction((opIds: readonly string[]) => opIds.forEach((id) => bump.run(id)));

  return {
    pending: (limit) =>
      selectPending.all(limit).map((row) => {
        const payload = parseJsonColumn(row.payload);
        return {
          opId: row.op_id,
          kind: row.kind,
          // The CHECK keeps payloads JSON; a damaged one is still surfaced so the sender can report it.
          payload: payload.ok ? payload.value : { unreadable: payload.message },
          createdAt: fromMillis(row.created_at),
          attempts: row.attempts,
          sentAt: row.sent_at === null ? null : fromMillis(row.sent_at),
        };
      }),
    pendingCount: () => countPending.get()?.n ?? 0,
    enqueue(op) {
      const json = JSON.stringify(op.payload);
      if (json === undefined) throw new Error(`outbox op ${op.opId}: payload is not JSON-serialisable`);
      insert.run(op.opId, op.kind, json, toMillis(op.createdAt));
    },
    markSent: (opIds, sentAt) => markSent(opIds, toMillis(sentAt)),
    recordAttempt: (opIds) => recordAttempt(opIds),
  };
}
