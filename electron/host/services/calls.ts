import { ApiFailure, type ParsedInputOf } from '../../../shared/api';
import type { HistoryEvent } from '../../../shared/domain';
import type { Stores } from '../db';

export type CallDeps = Pick<Stores, 'customers' | 'history' | 'outbox' | 'transaction'>;

/**
 * Every call becomes history, durably, before the UI says saved: the history event (when the call
 * belongs to a customer) and its outbox row for the server are written in one transaction, and
 * only then does the call return. The call id is the op id, so a retried save stores nothing twice.
 */
export function recordCall(deps: CallDeps, input: ParsedInputOf<'recordCall'>): { eventId: string | null; savedAt: string } {
  const { callId, customerId, payload, occurredAt } = input;
  if (customerId !== null && !deps.customers.exists(customerId)) {
    throw new ApiFailure('not_found', `customerId: no customer ${customerId}`, 'customerId');
  }
  const eventId = customerId === null ? null : `call-${callId}`;
  const savedAt = new Date().toISOString();
  try {
    deps.transaction(() => {
      if (eventId !== null && customerId !== null) {
        const event: HistoryEvent = { id: eventId, customerId, kind: 'call', occurredAt, summary: summaryOf(payload), payload };
        deps.history.append(event);
      }
      deps.outbox.enqueue({ opId: callId, kind: 'call', payload: { customerId, occurredAt, eventId, call: payload }, createdAt: savedAt });
    });
  } catch (error) {
    // The same call id again (a retry after a lost reply): the first save stands, nothing is added.
    if (!isDuplicate(error)) throw error;
  }
  return { eventId, savedAt };
}

function summaryOf(call: ParsedInputOf<'recordCall'>['payload']): string {
  const who = call.direction === 'inbound' ? call.from : call.to;
  const how = call.answeredAt ? `${call.durationSec}s` : 'not answered';
  return `${call.direction === 'inbound' ? 'Inbound' : 'Outbound'} call ${who} · ${how}${call.disposition ? ` · ${call.disposition}` : ''}`.slice(0, 300);
}

function isDuplicate(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
