import type { HistoryEvent } from '../../../shared/domain';
import { MAX_PUSH_OPS, type Operation, type PushResponse } from '../../../shared/sync';
import type { SyncStateStore } from '../db/sync-state';
import { SYNCED_KINDS, toOperation } from './operations';

export interface PushResult {
  sent: number;
  /** Ops the server refused for good (bad data, no access): dropped from the outbox, reported. */
  refused: string[];
}

/**
 * Sends the outbox in batches, oldest first. Each op leaves the outbox only when its own ack says
 * the server has it (applied or duplicate) or will never take it (rejected) — so a push cut at any
 * point resends exactly the unacknowledged ops, and the server's op ids make the resend harmless.
 * A clock-skew refusal keeps the op: it will apply once the clocks agree.
 */
export async function pushOutbox(deps: {
  /** Sends one batch (over the live channel or HTTP) and gives the server's acks. */
  send: (ops: Operation[]) => Promise<PushResponse>;
  state: SyncStateStore;
  clientId: string;
  eventById: (id: string) => HistoryEvent | null;
  now: () => number;
}): Promise<PushResult> {
  const { state } = deps;
  const result: PushResult = { sent: 0, refused: [] };
  let after = 0;
  for (;;) {
    const rows = state.pending(SYNCED_KINDS, after, MAX_PUSH_OPS);
    if (rows.length === 0) return result;
    after = rows[rows.length - 1]!.seq;
    const ops: Operation[] = [];
    const outboxIdOf = new Map<string, string>();
    const dropped: string[] = [];
    for (const row of rows) {
      const t = toOperation(row, deps.clientId, deps.eventById);
      if ('drop' in t) {
        dropped.push(row.opId);
        result.refused.push(t.drop);
      } else {
        ops.push(t.op);
        outboxIdOf.set(t.op.opId, row.opId);
      }
    }
    if (dropped.length > 0) state.acknowledge(dropped, deps.now());
    if (ops.length === 0) continue;
    state.recordAttempt([...outboxIdOf.values()]);
    const { acks } = await deps.send(ops);
    const done: string[] = [];
    for (const ack of acks) {
      const id = outboxIdOf.get(ack.opId);
      if (id === undefined) continue;
      if (ack.status === 'rejected' && ack.code === 'clock_skew') continue;
      if (ack.status === 'rejected') result.refused.push(`${ack.code ?? 'rejected'}: ${ack.message ?? ''}`.slice(0, 300));
      done.push(id);
    }
    state.acknowledge(done, deps.now());
    result.sent += done.length;
  }
}
