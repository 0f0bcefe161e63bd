import type { Customer, FollowUpTask, HistoryEventOf } from '../domain';

/** Builders for the follow-up tests: valid defaults, override what a test is about. */

export const T0 = '2026-06-15T02:00:00.000Z';

export function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: 'c-1',
    name: '张三',
    segment: 'standard',
    tags: [],
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    email: null,
    company: null,
    city: '上海',
    language: 'zh-CN',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

type OrderEvent = HistoryEventOf<'order'>;
type TicketEvent = HistoryEventOf<'ticket'>;

export function orderEvent(over: Partial<Omit<OrderEvent, 'payload'>> & { payload?: Partial<OrderEvent['payload']> } = {}): OrderEvent {
  const { payload, ...rest } = over;
  return {
    id: 'e-order-1',
    customerId: 'c-1',
    occurredAt: '2026-06-14T02:00:00.000Z',
    summary: 'Order O-1 delivered',
    kind: 'order',
    payload: { orderId: 'O-1', amountMinor: 12_900, currency: 'CNY', items: [{ sku: 'SKU-1', name: '电水壶', qty: 1 }], status: 'delivered', ...payload },
    ...rest,
  };
}

export function ticketEvent(over: Partial<Omit<TicketEvent, 'payload'>> & { payload?: Partial<TicketEvent['payload']> } = {}): TicketEvent {
  const { payload, ...rest } = over;
  return {
    id: 'e-ticket-1',
    customerId: 'c-1',
    occurredAt: '2026-06-14T02:00:00.000Z',
    summary: 'Complaint T-1 resolved',
    kind: 'ticket',
    payload: { ticketId: 'T-1', category: 'complaint', subject: '送货延迟', status: 'resolved', priority: 'normal', resolvedAt: '2026-06-14T02:00:00.000Z', ...payload },
    ...rest,
  };
}

export function task(over: Partial<FollowUpTask> = {}): FollowUpTask {
  return {
    id: 't-1',
    customerId: 'c-1',
    type: 'satisfaction_survey',
    status: 'queued',
    priority: 3,
    dueAt: '2026-06-15T01:00:00.000Z',
    slaAt: '2026-06-18T01:00:00.000Z',
    reasonEventId: null,
    reason: 'test',
    attempts: 0,
    assignedTo: null,
    createdAt: '2026-06-14T00:00:00.000Z',
    ...over,
  };
}
