import { createHash } from 'node:crypto';
import { HistoryEvent } from '../../../shared/domain';
import { OpId, Operation, encodeHlc } from '../../../shared/sync';
import type { PendingOp } from '../db/sync-state';

/** Outbox kinds the sync client sends: the protocol's own, and calls saved by services/calls. */
export const SYNCED_KINDS = ['history.append', 'customer.patch', 'task.outcome', 'call'] as const;

export type Translated = { op: Operation } | { drop: string };

/** A call saved without a customer (unknown caller) has nowhere to go on the server. */
interface CallRow {
  customerId: string | null;
  eventId: string | null;
}

/**
 * Turns an outbox row into the operation the server understands. Protocol ops are stored as they
 * will be sent; a saved call becomes a `history.append` of the event the call service wrote, read
 * back from the local store (so it travels exactly as the agent sees it).
 */
export function toOperation(row: PendingOp, clientId: string, eventById: (id: string) => HistoryEvent | null): Translated {
  if (row.kind !== 'call') {
    const parsed = Operation.safeParse(row.payload);
    return parsed.success ? { op: parsed.data } : { drop: `outbox op ${row.opId} is not a valid ${row.kind}: ${parsed.error.issues[0]?.message ?? ''}` };
  }
  const call = row.payload as CallRow;
  if (!call.customerId || !call.eventId) return { drop: 'a call without a customer stays on this console' };
  const event = HistoryEvent.safeParse(eventById(call.eventId));
  if (!event.success) return { drop: `call ${row.opId}: its event ${call.eventId} is missing locally` };
  // Call ids are the service's own; the server needs 8-100 safe characters, always the same for a resend.
  const opId = OpId.safeParse(row.opId).success ? row.opId : `call-${createHash('sha256').update(row.opId).digest('hex').slice(0, 40)}`;
  return { op: { type: 'history.append', opId, hlc: encodeHlc({ wall: row.createdAt, counter: 0, node: clientId }), event: event.data } };
}
