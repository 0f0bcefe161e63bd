import type { HistoryEvent } from '../domain';
import { mergeLww, changedFields, stampPatch, type LwwRecord } from './merge';
import type { Operation } from './messages';

/**
 * The merge rules as one pure function over a small in-memory replica. The server store and the
 * console store implement the same rules in SQL; this model is what the property tests pin down.
 *  - history events and outcome events: append-only, idempotent by op id and by event id;
 *  - customer edits: last writer wins per field on the HLC;
 *  - task status: not here, the server decides it (see lease.ts).
 */
export interface ReplicaState {
  readonly customers: Readonly<Record<string, LwwRecord>>;
  readonly history: Readonly<Record<string, { readonly event: HistoryEvent; readonly opId: string }>>;
  readonly seenOps: Readonly<Record<string, true>>;
}

export const emptyReplica: ReplicaState = { customers: {}, history: {}, seenOps: {} };

export type ReplicaAck = 'applied' | 'duplicate' | 'unchanged';

function appendEvent(state: ReplicaState, event: HistoryEvent, opId: string): ReplicaState {
  const existing = state.history[event.id];
  // A reused event id is a client bug; the smaller op id wins so every replica keeps the same event.
  if (existing && existing.opId <= opId) return state;
  return { ...state, history: { ...state.history, [event.id]: { event, opId } } };
}

export function applyOp(state: ReplicaState, op: Operation): { state: ReplicaState; ack: ReplicaAck } {
  if (state.seenOps[op.opId]) return { state, ack: 'duplicate' };
  const seen = { ...state, seenOps: { ...state.seenOps, [op.opId]: true as const } };
  switch (op.type) {
    case 'history.append':
    case 'task.outcome': {
      const next = appendEvent(seen, op.event, op.opId);
      return { state: next, ack: next.history === seen.history ? 'unchanged' : 'applied' };
    }
    case 'customer.patch': {
      const prev = seen.customers[op.customerId] ?? {};
      const merged = mergeLww(prev, stampPatch(op.fields, op.hlc));
      if (changedFields(prev, merged).length === 0) return { state: seen, ack: 'unchanged' };
      return { state: { ...seen, customers: { ...seen.customers, [op.customerId]: merged } }, ack: 'applied' };
    }
  }
}

export function applyAll(state: ReplicaState, ops: readonly Operation[]): ReplicaState {
  return ops.reduce((s, op) => applyOp(s, op).state, state);
}

/** Replica content without the bookkeeping of which ops were seen: what a user can observe. */
export function observable(state: ReplicaState): { customers: ReplicaState['customers']; history: Record<string, HistoryEvent> } {
  return {
    customers: state.customers,
    history: Object.fromEntries(Object.entries(state.history).map(([id, h]) => [id, h.event])),
  };
}
