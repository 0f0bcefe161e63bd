import type { Customer, FollowUpTask, HistoryEvent } from '../domain';

/**
 * Call scripts with placeholders: "您好{{customer.name}}，您的订单{{order.id}}已送达…".
 * What the agent reads out must never contain "{{…}}": an unknown placeholder (a typo, a field we
 * do not have) or a known one with no value for this customer is replaced by its fallback
 * (`{{customer.name|您}}`) or by nothing, and reported so the script author and the agent see it.
 */

export interface ScriptRecord {
  customer: Customer;
  task?: FollowUpTask | null;
  /** The event that triggered the task, if any: fills order.* / ticket.*. */
  event?: HistoryEvent | null;
  agent?: { name: string } | null;
  /** Locale for numbers, money and dates, e.g. "zh-CN"; default: the customer's language. */
  locale?: string;
  /** Zone for dates, so an order placed at 01:00 Beijing time shows that day; default UTC. */
  zone?: string;
}

type Value = string | null;
type Resolver = (record: ScriptRecord, locale: string, zone: string) => Value;

const order = (r: ScriptRecord) => (r.event?.kind === 'order' ? r.event.payload : null);
const ticket = (r: ScriptRecord) => (r.event?.kind === 'ticket' ? r.event.payload : null);

/** Intl formatters cost far more to build than to use (a preview fills several): one per locale/currency/zone. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

function money(amountMinor: number, currency: string, locale: string): string {
  const format = formatter(`n ${locale} ${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

function date(iso: string, locale: string, zone: string): string {
  return formatter(`d ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone })).format(Date.parse(iso));
}

/** Every placeholder a script may use. Adding one here is all it takes to offer it to authors. */
export const PLACEHOLDERS: Readonly<Record<string, Resolver>> = {
  'customer.name': (r) => r.customer.name,
  'customer.company': (r) => r.customer.company,
  'customer.city': (r) => r.customer.city,
  'customer.segment': (r) => r.customer.segment,
  'customer.email': (r) => r.customer.email,
  'agent.name': (r) => r.agent?.name ?? null,
  'task.type': (r) => r.task?.type ?? null,
  'task.reason': (r) => r.task?.reason ?? null,
  'order.id': (r) => order(r)?.orderId ?? null,
  'order.amount': (r, locale) => {
    const o = order(r);
    return o ? money(o.amountMinor, o.currency, locale) : null;
  },
  'order.status': (r) => order(r)?.status ?? null,
  'order.items': (r) => order(r)?.items.map((i) => i.name).join(', ') || null,
  'order.firstItem': (r) => order(r)?.items[0]?.name ?? null,
  'order.date': (r, locale, zone) => (order(r) && r.event ? date(r.event.occurredAt, locale, zone) : null),
  'ticket.id': (r) => ticket(r)?.ticketId ?? null,
  'ticket.subject': (r) => ticket(r)?.subject ?? null,
  'ticket.category': (r) => ticket(r)?.category ?? null,
  'ticket.resolvedAt': (r, locale, zone) => {
    const t = ticket(r);
    return t?.resolvedAt ? date(t.resolvedAt, locale, zone) : null;
  },
};

export type ScriptSegment = { text: string } | { placeholder: string; value: string; filled: boolean };

export interface FilledScript {
  /** Safe to read aloud: no braces, gaps filled by fallbacks or left out. */
  text: string;
  /** The same text in pieces, so the console can highlight filled values and gaps. */
  segments: ScriptSegment[];
  /** Placeholders that do not exist (likely typos). */
  unknown: string[];
  /** Known placeholders with no value for this record. */
  missing: string[];
  /** Unbalanced braces, shown to the author; the braces themselves are left out of `text`. */
  malformed: string[];
}

const TOKEN = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/** Fills a script for one record. */
export function fillScript(template: string, record: ScriptRecord): FilledScript {
  const locale = record.locale ?? record.customer.language ?? 'zh-CN';
  const zone = record.zone ?? 'UTC';
  const segments: ScriptSegment[] = [];
  const unknown: string[] = [];
  const missing: string[] = [];
  const malformed: string[] = [];
  let last = 0;
  const literal = (text: string) => {
    // Stray braces left between tokens are a broken placeholder: report, never read them out.
    // "{{customer.name" loses the braces and the name it was meant to be; the rest of the sentence
    // stays. Lone braces go too: next to an empty value, "{" + "" + "{" would read as "{{".
    const cleaned = text.replace(/\{\{\s*[^\s{}]*\}?|\}\}|[{}]/g, (bad) => {
      malformed.push(bad);
      return '';
    });
    if (cleaned !== '') segments.push({ text: cleaned });
  };
  for (const match of template.matchAll(TOKEN)) {
    literal(template.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1] ?? '';
    const fallback = match[2]?.trim() ?? '';
    const resolver = placeholder(name);
    const value = resolver ? resolver(record, locale, zone) : null;
    if (!resolver) unknown.push(name);
    else if (value === null || value === '') missing.push(name);
    const filled = value !== null && value !== '';
    const shown = filled ? value : fallback;
    segments.push({ placeholder: name, value: shown, filled });
  }
  literal(template.slice(last));
  const text = segments.map((s) => ('text' in s ? s.text : s.value)).join('');
  return { text, segments, unknown: dedupe(unknown), missing: dedupe(missing), malformed };
}

/** For the script editor: the placeholders a template uses that do not exist. */
export function unknownPlaceholders(template: string): string[] {
  return dedupe([...template.matchAll(TOKEN)].map((m) => m[1] ?? '').filter((name) => placeholder(name) === null));
}

/** Own keys only: "constructor" or "toString" in a script must be unknown, not Object's. */
function placeholder(name: string): Resolver | null {
  return Object.hasOwn(PLACEHOLDERS, name) ? (PLACEHOLDERS[name] ?? null) : null;
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}
