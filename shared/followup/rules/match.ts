import type { Customer, HistoryEvent } from '../../domain';
import type { Conditions, EventTrigger, Trigger } from './schema';

/**
 * Matching returns null for "matches" and otherwise a short reason naming the field that did not,
 * so evaluate() can tell an operator why a rule stayed quiet.
 */
export type Mismatch = string | null;

const inList = <T>(field: string, allowed: readonly T[] | undefined, actual: T): Mismatch =>
  allowed === undefined || allowed.includes(actual) ? null : `${field} is ${JSON.stringify(actual)}, rule wants ${allowed.map((a) => JSON.stringify(a)).join(' or ')}`;

const inRange = (field: string, range: { min?: number | undefined; max?: number | undefined } | undefined, actual: number | null): Mismatch => {
  if (range === undefined) return null;
  if (actual === null) return `${field} is empty`;
  if (range.min !== undefined && actual < range.min) return `${field} ${actual} is below ${range.min}`;
  if (range.max !== undefined && actual > range.max) return `${field} ${actual} is above ${range.max}`;
  return null;
};

const first = (...checks: Mismatch[]): Mismatch => checks.find((c) => c !== null) ?? null;

export function isEventTrigger(trigger: Trigger): trigger is EventTrigger {
  return trigger.kind !== 'inactivity' && trigger.kind !== 'anniversary';
}

/** Does the event satisfy the trigger: same kind, and every payload condition the rule sets. */
export function matchTrigger(trigger: EventTrigger, event: HistoryEvent): Mismatch {
  const wrongKind = `event kind is ${event.kind}, rule wants ${trigger.kind}`;
  switch (trigger.kind) {
    case 'order':
      return event.kind === 'order' ? inList('status', trigger.status, event.payload.status) : wrongKind;
    case 'ticket':
      return event.kind === 'ticket'
        ? first(
            inList('category', trigger.category, event.payload.category),
            inList('status', trigger.status, event.payload.status),
            inList('priority', trigger.priority, event.payload.priority),
          )
        : wrongKind;
    case 'call':
      return event.kind === 'call'
        ? first(inList('direction', trigger.direction, event.payload.direction), inList('disposition', trigger.disposition, event.payload.disposition ?? ''))
        : wrongKind;
    case 'feedback':
      return event.kind === 'feedback'
        ? first(
            inList('channel', trigger.channel, event.payload.channel),
            inRange('csat', trigger.csat, event.payload.csat),
            inRange('nps', trigger.nps, event.payload.nps),
          )
        : wrongKind;
    case 'followup':
      return event.kind === 'followup'
        ? first(inList('type', trigger.type, event.payload.type), inList('outcome', trigger.outcome, event.payload.outcome))
        : wrongKind;
    case 'note':
      return event.kind === 'note' ? null : wrongKind;
  }
}

/** Customer conditions, plus the order ones when the trigger event is an order. */
export function matchConditions(conditions: Conditions, customer: Customer, event: HistoryEvent | null): Mismatch {
  const segment = conditions.segments;
  if (segment !== undefined && (customer.segment === null || !segment.includes(customer.segment))) {
    return `segment is ${JSON.stringify(customer.segment)}, rule wants ${segment.map((s) => JSON.stringify(s)).join(' or ')}`;
  }
  const tags = conditions.tags;
  if (tags) {
    const has = new Set(customer.tags);
    if (tags.any && !tags.any.some((t) => has.has(t))) return `tags include none of ${tags.any.join(', ')}`;
    const missing = tags.all?.find((t) => !has.has(t));
    if (missing !== undefined) return `tag ${missing} is missing`;
    const banned = tags.none?.find((t) => has.has(t));
    if (banned !== undefined) return `tag ${banned} excludes the customer`;
  }
  if (event?.kind === 'order') {
    const order = event.payload;
    const value = conditions.orderValueMinor;
    if (value?.currency !== undefined && value.currency !== order.currency) return `order currency is ${order.currency}, rule wants ${value.currency}`;
    const range = inRange('order amount', value, order.amountMinor);
    if (range !== null) return range;
    const skus = conditions.skus;
    if (skus && !order.items.some((item) => skus.includes(item.sku))) return `no order item has sku ${skus.join(' or ')}`;
  }
  return null;
}

/**
 * What makes two events "the same trigger" for one rule: an order or a ticket fires a rule once,
 * whatever events it goes through (a re-sent "delivered", a ticket resolved twice); other kinds
 * fire once per event.
 */
export function eventTriggerKey(event: HistoryEvent): string {
  switch (event.kind) {
    case 'order':
      return `order:${event.payload.orderId}`;
    case 'ticket':
      return `ticket:${event.payload.ticketId}`;
    case 'followup':
      return `followup:${event.payload.taskId}`;
    default:
      return `event:${event.id}`;
  }
}
