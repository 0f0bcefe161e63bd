import type { HistoryEvent, HistoryEventOf, HistoryKind } from '../../../shared/domain';
import {
  AGENTS,
  CALL_DISPOSITIONS,
  FEEDBACK_COMMENTS,
  FOLLOWUP_OUTCOMES,
  HOTLINE,
  NOTES,
  PRODUCTS,
  TASK_TYPES,
  TICKET_SUBJECTS,
  UNANSWERED_DISPOSITIONS,
  type Lang,
  type TicketCategory,
} from './catalog';
import { duration, label, money } from './labels';
import { WeightedTable, type Random } from './prng';

/** Who the events are about, and how to word them. */
export interface EventContext {
  customerId: string;
  lang: Lang;
  /** The customer's primary number, the "from" of their calls. */
  phone: string;
  currency: string;
  /** "now" of the demo world: events close to it are still open, older ones settled. */
  anchorMs: number;
}

export interface EventSpec {
  id: string;
  atMs: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const ageDays = (ctx: EventContext, atMs: number) => (ctx.anchorMs - atMs) / DAY;

/** Per CNY: rough rates so a kettle costs about the same everywhere. Prices end in .99 abroad. */
const RATES: Readonly<Record<string, number>> = { CNY: 1, USD: 7.1, GBP: 9, HKD: 0.92, SGD: 5.3 };
function price(priceFen: number, currency: string): number {
  const rate = RATES[currency] ?? 1;
  return rate === 1 ? priceFen : Math.max(99, Math.round(priceFen / rate / 100) * 100 - 1);
}

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

export function callEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'call'>['payload']>): HistoryEventOf<'call'> {
  const direction = forced?.direction ?? (rng.chance(0.7) ? 'inbound' : 'outbound');
  const answered = forced?.disposition ? !(UNANSWERED_DISPOSITIONS as readonly string[]).includes(forced.disposition) : rng.chance(0.88);
  const ringSec = rng.int(2, 25);
  const talkSec = answered ? rng.int(25, 900) : 0;
  const answeredAt = answered ? spec.atMs + ringSec * 1000 : null;
  const endedAt = spec.atMs + (ringSec + talkSec) * 1000;
  const disposition = forced?.disposition ?? (answered ? rng.pick(CALL_DISPOSITIONS) : rng.pick(UNANSWERED_DISPOSITIONS));
  const payload: HistoryEventOf<'call'>['payload'] = {
    direction,
    from: direction === 'inbound' ? ctx.phone : HOTLINE,
    to: direction === 'inbound' ? HOTLINE : ctx.phone,
    ringAt: iso(spec.atMs),
    answeredAt: answeredAt === null ? null : iso(answeredAt),
    endedAt: iso(endedAt),
    durationSec: talkSec,
    agent: answered || direction === 'outbound' ? rng.pick(AGENTS) : null,
    disposition,
    notes: answered && rng.chance(0.3) ? rng.pick(NOTES)[ctx.lang] : null,
    quality: answered
      ? {
          mos: Math.round((3 + rng.next() * 1.5) * 10) / 10,
          jitterMs: rng.int(2, 40),
          lossPct: Math.round(rng.next() * 30) / 10,
          rttMs: rng.int(20, 300),
        }
      : null,
    ...forced,
  };
  const summary = [label(ctx.lang, direction), label(ctx.lang, disposition), answered ? duration(ctx.lang, talkSec) : null]
    .filter(Boolean)
    .join(' · ');
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'call', summary, payload };
}

export function ticketEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'ticket'>['payload']>): HistoryEventOf<'ticket'> {
  const category: TicketCategory = forced?.category ?? rng.weighted([['complaint', 3], ['inquiry', 4], ['repair', 2], ['return', 2], ['billing', 1]]);
  const age = ageDays(ctx, spec.atMs);
  const status = age < 3 ? rng.pick(['open', 'pending'] as const) : age < 14 ? rng.pick(['pending', 'resolved', 'resolved'] as const) : rng.pick(['resolved', 'closed'] as const);
  const settled = status === 'resolved' || status === 'closed';
  const payload: HistoryEventOf<'ticket'>['payload'] = {
    ticketId: `TK${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    category,
    subject: rng.pick(TICKET_SUBJECTS[category])[ctx.lang],
    status,
    priority: category === 'complaint' ? rng.pick(['normal', 'high', 'high', 'urgent'] as const) : rng.pick(['low', 'normal', 'normal'] as const),
    resolvedAt: settled ? iso(spec.atMs + rng.int(1, 72) * 3_600_000) : null,
    ...forced,
  };
  const summary = clip(`${label(ctx.lang, payload.category)}${ctx.lang === 'zh-CN' ? '：' : ': '}${payload.subject} · ${label(ctx.lang, payload.status)}`);
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'ticket', summary, payload };
}

export function orderEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'order'>['payload']>): HistoryEventOf<'order'> {
  const items =
    forced?.items ??
    rng.some(PRODUCTS, rng.weighted([[1, 6], [2, 3], [3, 1]])).map((p) => ({ sku: p.sku, name: p.name[ctx.lang], qty: rng.weighted([[1, 8], [2, 2]]) }));
  const amountMinor = items.reduce((sum, item) => sum + item.qty * price(PRODUCTS.find((p) => p.sku === item.sku)?.priceFen ?? 9900, ctx.currency), 0);
  const age = ageDays(ctx, spec.atMs);
  const status =
    age < 2 ? rng.pick(['placed', 'paid'] as const) : age < 7 ? rng.pick(['paid', 'shipped', 'shipped'] as const) : rng.weighted([['delivered', 90], ['returned', 6], ['cancelled', 4]] as const);
  const day = iso(spec.atMs).slice(0, 10).replace(/-/g, '');
  const payload: HistoryEventOf<'order'>['payload'] = {
    orderId: `SO${day}${String(rng.int(0, 999_999)).padStart(6, '0')}`,
    amountMinor,
    currency: ctx.currency,
    items,
    status,
    ...forced,
  };
  const summary = clip(`${ctx.lang === 'zh-CN' ? '订单' : 'Order'} ${payload.orderId} · ${money(payload.amountMinor, payload.currency)} · ${label(ctx.lang, payload.status)}`);
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'order', summary, payload };
}

export function followupEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'followup'>['payload']>): HistoryEventOf<'followup'> {
  const payload: HistoryEventOf<'followup'>['payload'] = {
    taskId: `task-${spec.id}`,
    type: rng.pick(TASK_TYPES),
    outcome: rng.pick(FOLLOWUP_OUTCOMES),
    agent: rng.pick(AGENTS),
    notes: rng.chance(0.4) ? rng.pick(NOTES)[ctx.lang] : null,
    ...forced,
  };
  const summary = ctx.lang === 'zh-CN'
    ? `回访（${label(ctx.lang, payload.type)}）· ${label(ctx.lang, payload.outcome)}`
    : `Follow-up (${label(ctx.lang, payload.type)}) · ${label(ctx.lang, payload.outcome)}`;
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'followup', summary, payload };
}

export function feedbackEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'feedback'>['payload']>): HistoryEventOf<'feedback'> {
  // Happy customers answer surveys more often: scores lean high, as in real CSAT data.
  const survey = rng.weighted([['csat', 5], ['nps', 3], ['ces', 2]] as const);
  const payload: HistoryEventOf<'feedback'>['payload'] = {
    channel: rng.weighted([['sms', 5], ['call', 3], ['web', 2], ['email', 1]] as const),
    csat: survey === 'csat' ? rng.weighted([[5, 45], [4, 30], [3, 12], [2, 7], [1, 6]]) : null,
    nps: survey === 'nps' ? rng.weighted([[10, 25], [9, 25], [8, 18], [7, 10], [6, 7], [5, 5], [3, 5], [1, 5]]) : null,
    ces: survey === 'ces' ? rng.int(1, 7) : null,
    comment: rng.chance(0.35) ? rng.pick(FEEDBACK_COMMENTS)[ctx.lang] : null,
    ...forced,
  };
  const scores = [
    payload.csat !== null ? `${ctx.lang === 'zh-CN' ? '满意度' : 'CSAT'} ${payload.csat}/5` : null,
    payload.nps !== null ? `NPS ${payload.nps}` : null,
    payload.ces !== null ? `CES ${payload.ces}/7` : null,
  ].filter(Boolean);
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'feedback', summary: clip(scores.join(' · ')), payload };
}

export function noteEvent(rng: Random, ctx: EventContext, spec: EventSpec, forced?: Partial<HistoryEventOf<'note'>['payload']>): HistoryEventOf<'note'> {
  const payload: HistoryEventOf<'note'>['payload'] = { text: rng.pick(NOTES)[ctx.lang], author: rng.pick(AGENTS), ...forced };
  return { id: spec.id, customerId: ctx.customerId, occurredAt: iso(spec.atMs), kind: 'note', summary: clip(payload.text), payload };
}

const MAKERS: { [K in HistoryKind]: (rng: Random, ctx: EventContext, spec: EventSpec) => HistoryEventOf<K> } = {
  call: callEvent,
  ticket: ticketEvent,
  order: orderEvent,
  followup: followupEvent,
  feedback: feedbackEvent,
  note: noteEvent,
};

/** How often each kind shows up in a contact-center history. */
const KIND_TABLE = new WeightedTable<HistoryKind>([
  ['call', 30], ['order', 25], ['ticket', 12], ['note', 13], ['followup', 10], ['feedback', 10],
]);

export function randomEvent(rng: Random, ctx: EventContext, spec: EventSpec): HistoryEvent {
  return MAKERS[rng.fromTable(KIND_TABLE)](rng, ctx, spec);
}
