import { type Customer360 } from '../../shared/api/contract';
import { HISTORY_KINDS, type Customer, type HistoryEvent, type HistoryKind, type PhoneNumber } from '../../shared/domain';

/** Test data builders: realistic shapes that pass the contract's zod schemas. */

export function makeCustomer(over: Partial<Customer> = {}): Customer {
  return {
    id: 'c-1',
    name: '王芳',
    segment: 'vip',
    tags: ['企业采购'],
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    email: 'wang.fang@example.cn',
    company: null,
    city: '上海',
    language: 'zh-CN',
    createdAt: '2021-03-04T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...over,
  };
}

export function makePhones(customerId = 'c-1'): PhoneNumber[] {
  return [
    { customerId, e164: '+8613800138000', label: 'mobile', isPrimary: true },
    { customerId, e164: '+862150501234', label: 'work', isPrimary: false },
  ];
}

/** One event of the given kind; payloads carry the facts each row shows. */
export function makeEvent(kind: HistoryKind, id: string, occurredAt: string, customerId = 'c-1'): HistoryEvent {
  const base = { id, customerId, occurredAt, summary: `${kind} ${id}` };
  switch (kind) {
    case 'call':
      return {
        ...base,
        kind,
        payload: {
          direction: 'inbound',
          from: '+8613800138000',
          to: '4008001234',
          ringAt: occurredAt,
          answeredAt: occurredAt,
          endedAt: occurredAt,
          durationSec: 252,
          agent: '李娜',
          disposition: 'resolved',
          notes: null,
          quality: { mos: 4.2, jitterMs: 8, lossPct: 0.1, rttMs: 40 },
        },
      };
    case 'ticket':
      return { ...base, kind, payload: { ticketId: `T-${id}`, category: 'repair', subject: '空调不制冷', status: 'open', priority: 'high', resolvedAt: null } };
    case 'order':
      return {
        ...base,
        kind,
        payload: {
          orderId: `O-${id}`,
          amountMinor: 129900,
          currency: 'CNY',
          items: [
            { sku: 'AP-1', name: '空气净化器', qty: 1 },
            { sku: 'F-2', name: '滤网', qty: 2 },
            { sku: 'W-3', name: '延保', qty: 1 },
          ],
          status: 'delivered',
        },
      };
    case 'followup':
      return { ...base, kind, payload: { taskId: `task-${id}`, type: 'satisfaction_survey', outcome: 'satisfied', agent: '李娜', notes: null } };
    case 'feedback':
      return { ...base, kind, payload: { channel: 'sms', csat: 5, nps: 9, ces: 2, comment: '服务很好' } };
    case 'note':
      return { ...base, kind, payload: { text: '客户希望下午联系', author: '李娜' } };
  }
}

/**
 * `count` events newest first, one every 3 hours back from `newest`, kinds in rotation. Ids sort
 * with time so the (occurredAt, id) keyset order is unambiguous.
 */
export function makeHistory(count: number, newest = Date.parse('2026-11-25T06:00:00.000Z'), customerId = 'c-1'): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (let i = 0; i < count; i++) {
    const kind = HISTORY_KINDS[i % HISTORY_KINDS.length] ?? 'note';
    events.push(makeEvent(kind, `e${String(count - i).padStart(6, '0')}`, new Date(newest - i * 3 * 3_600_000).toISOString(), customerId));
  }
  return events;
}

export function countKinds(events: readonly HistoryEvent[]): Record<HistoryKind, number> {
  const counts = Object.fromEntries(HISTORY_KINDS.map((k) => [k, 0])) as Record<HistoryKind, number>;
  for (const e of events) counts[e.kind]++;
  return counts;
}

export function make360(customer: Customer, events: HistoryEvent[], pageSize: number): Customer360 {
  const first = events.slice(0, pageSize);
  const last = first[first.length - 1];
  return {
    customer,
    phones: makePhones(customer.id),
    counts: countKinds(events),
    firstPage: { events: first, nextCursor: events.length > pageSize && last ? { occurredAt: last.occurredAt, id: last.id } : null },
  };
}
