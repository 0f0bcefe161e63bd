import { z } from 'zod';
import { describeZodError } from '../../shared/api';
import { HISTORY_KINDS, HistoryEvent } from '../../shared/domain';
import type { ImportedCustomer, ImportedEvent } from '../store/imports';
import { amountMinor, enumCell, instant, jsonCell, list, optText, phones, text } from './fields';

export const IMPORT_KINDS = ['customers', 'orders', 'tickets', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export interface RowContext {
  /** Region for numbers written without a country code, e.g. "CN". */
  region: string;
  /** Zone for times written without an offset, e.g. "Asia/Shanghai". */
  zone: string;
}
export type RowResult = { ok: true; customer: ImportedCustomer } | { ok: true; event: ImportedEvent } | { ok: false; field?: string; message: string };

const customerRow = (ctx: RowContext) =>
  z.object({
    external_id: text(64),
    name: text(200),
    phone: phones(ctx.region),
    segment: optText(40),
    tags: list(40),
    region: optText(2).pipe(z.string().regex(/^[A-Za-z]{2}$/, 'is not a two-letter region such as CN').transform((s) => s.toUpperCase()).nullable()),
    time_zone: optText(64),
    email: optText(200).pipe(z.email({ message: 'is not an e-mail address' }).nullable()),
    company: optText(200),
    city: optText(100),
    language: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(['zh-CN', 'en']).nullable()),
  });

const eventBase = (ctx: RowContext) => ({
  external_id: text(64),
  customer_external_id: text(64),
  occurred_at: instant(ctx.zone),
  summary: optText(300),
});

const orderRow = (ctx: RowContext) =>
  z.object({
    ...eventBase(ctx),
    amount: amountMinor.optional(),
    amount_minor: z.coerce.number().int().optional(),
    currency: optText(3).transform((c) => (c ?? 'CNY').toUpperCase()),
    status: enumCell(['placed', 'paid', 'shipped', 'delivered', 'returned', 'cancelled'], 'placed'),
    items: jsonCell.pipe(z.array(z.object({ sku: z.string().max(64), name: z.string().max(200), qty: z.number().int().min(1) })).max(100).optional()),
  });

const ticketRow = (ctx: RowContext) =>
  z.object({
    ...eventBase(ctx),
    category: enumCell(['complaint', 'inquiry', 'repair', 'return', 'billing']),
    subject: text(300),
    status: enumCell(['open', 'pending', 'resolved', 'closed'], 'open'),
    priority: enumCell(['low', 'normal', 'high', 'urgent'], 'normal'),
    resolved_at: instant(ctx.zone, false).optional(),
  });

const genericRow = (ctx: RowContext) => z.object({ ...eventBase(ctx), kind: enumCell(HISTORY_KINDS as ['call', 'ticket', 'order', 'followup', 'feedback', 'note']), payload: jsonCell });

function fail(error: z.ZodError): RowResult {
  const d = describeZodError(error);
  return { ok: false, message: d.message, ...(d.field !== undefined ? { field: d.field } : {}) };
}

/** The event must also pass the domain schema, so an imported event is exactly what a console expects. */
function asEvent(externalId: string, customerExternalId: string, body: Omit<HistoryEvent, 'id' | 'customerId'>): RowResult {
  const checked = HistoryEvent.safeParse({ ...body, id: 'x', customerId: 'x' });
  if (!checked.success) return fail(checked.error);
  const { id: _id, customerId: _c, ...event } = checked.data;
  return { ok: true, event: { externalId, customerExternalId, event } };
}

export function readRow(kind: ImportKind, raw: unknown, ctx: RowContext): RowResult {
  switch (kind) {
    case 'customers': {
      const r = customerRow(ctx).safeParse(raw);
      if (!r.success) return fail(r.error);
      const { external_id, phone, time_zone, ...rest } = r.data;
      return { ok: true, customer: { externalId: external_id, phones: phone, fields: { ...rest, timeZone: time_zone } } };
    }
    case 'orders': {
      const r = orderRow(ctx).safeParse(raw);
      if (!r.success) return fail(r.error);
      const o = r.data;
      const minor = o.amount_minor ?? o.amount;
      if (minor === undefined) return { ok: false, field: 'amount', message: 'amount: is required' };
      return asEvent(o.external_id, o.customer_external_id, {
        kind: 'order',
        occurredAt: o.occurred_at,
        summary: o.summary ?? `订单 ${o.external_id}`,
        payload: { orderId: o.external_id, amountMinor: minor, currency: o.currency, items: o.items ?? [], status: o.status },
      } as Omit<HistoryEvent, 'id' | 'customerId'>);
    }
    case 'tickets': {
      const r = ticketRow(ctx).safeParse(raw);
      if (!r.success) return fail(r.error);
      const t = r.data;
      return asEvent(t.external_id, t.customer_external_id, {
        kind: 'ticket',
        occurredAt: t.occurred_at,
        summary: t.summary ?? t.subject,
        payload: { ticketId: t.external_id, category: t.category, subject: t.subject, status: t.status, priority: t.priority, resolvedAt: t.resolved_at ?? null },
      } as Omit<HistoryEvent, 'id' | 'customerId'>);
    }
    case 'events': {
      const r = genericRow(ctx).safeParse(raw);
      if (!r.success) return fail(r.error);
      const e = r.data;
      return asEvent(e.external_id, e.customer_external_id, {
        kind: e.kind,
        occurredAt: e.occurred_at,
        summary: e.summary ?? '',
        payload: e.payload,
      } as Omit<HistoryEvent, 'id' | 'customerId'>);
    }
  }
}
