import { ApiFailure, type ParsedInputOf } from '../../../shared/api';
import type { HistoryEvent } from '../../../shared/domain';
import type { Stores } from '../db';

export type CallDeps = Pick<Stores, 'customers' | 'history' | 'outbox' | 'transaction'> & {
  /** The wrap-up survey of an inbound call as a feedback event (checked before anything is written; services/followup). */
  feedback?: (input: ParsedInputOf<'recordCall'>) => HistoryEvent | null;
  /** Stores and queues that feedback event in the call's transaction (sync local writes). */
  appendEvent?: (event: HistoryEvent) => void;
};

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
  const feedback = deps.feedback?.(input) ?? null;
  const eventId = customerId === null ? null : `call-${callId}`;
  const savedAt = new Date().toISOString();
  const call = input.tags.length > 0 ? { ...payload, tags: input.tags } : payload;
  try {
    deps.transaction(() => {
      if (eventId !== null && customerId !== null) {
        const event: HistoryEvent = { id: eventId, customerId, kind: 'call', occurredAt, summary: summaryOf(call), payload: call };
        deps.history.append(event);
      }
      deps.outbox.enqueue({ opId: callId, kind: 'call', payload: { customerId, occurredAt, eventId, call }, createdAt: savedAt });
      // Last: the local write queues its op and wakes the sync client, so nothing after it may fail.
      if (feedback) {
        if (!deps.appendEvent) throw new Error('recordCall: a survey needs the sync write path');
        deps.appendEvent(feedback);
      }
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
