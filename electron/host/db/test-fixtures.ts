import type { Customer, FollowUpTask, HistoryEvent, HistoryKind, HistoryEventOf } from '../../../shared/domain';

/** Small, valid records for store tests; every field can be overridden. */
export function aCustomer(id: string, name: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name,
    segment: 'standard',
    tags: [],
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    email: null,
    company: null,
    city: '北京',
    language: 'zh-CN',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const PAYLOADS: { [K in HistoryKind]: HistoryEventOf<K>['payload'] } = {
  call: {
    direction: 'inbound',
    from: '+8613800138000',
    to: '4008001234',
    ringAt: null,
    answeredAt: null,
    endedAt: null,
    durationSec: 60,
    agent: 'agent-1',
    disposition: 'resolved',
    notes: null,
    quality: null,
  },
  ticket: { ticketId: 'T-1', category: 'complaint', subject: '快递延误', status: 'open', priority: 'high', resolvedAt: null },
  order: { orderId: 'O-1', amountMinor: 12900, currency: 'CNY', items: [{ sku: 'SKU-1', name: '保温杯', qty: 1 }], status: 'paid' },
  followup: { taskId: 'task-1', type: 'satisfaction_survey', outcome: 'completed', agent: 'agent-1', notes: null },
  feedback: { channel: 'sms', csat: 5, nps: 9, ces: null, comment: null },
  note: { text: '客户希望下午联系', author: 'agent-1' },
};

export function anEvent(kind: HistoryKind, id: string, customerId: string, occurredAt: string): HistoryEvent {
  return { id, customerId, occurredAt, kind, summary: `${kind} ${id}`, payload: PAYLOADS[kind] } as HistoryEvent;
}

export function aTask(id: string, customerId: string, overrides: Partial<FollowUpTask> = {}): FollowUpTask {
  return {
    id,
    customerId,
    type: 'satisfaction_survey',
    status: 'queued',
    priority: 3,
    dueAt: '2026-01-01T09:00:00.000Z',
    slaAt: '2026-01-02T09:00:00.000Z',
    reasonEventId: null,
    reason: 'order delivered',
    attempts: 0,
    assignedTo: null,
    createdAt: '2025-12-31T09:00:00.000Z',
    ...overrides,
  };
}

/** The query-plan lines SQLite would use for `sql`, to assert the hot reads hit their index. */
export function planOf(db: { prepare(sql: string): { all(...params: unknown[]): unknown[] } }, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}
