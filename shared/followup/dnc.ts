import type { Customer } from '../domain';
import { normalizePhone, type NormalizeFailure } from '../phone/normalize';

/**
 * Do-not-call. Both sides are normalized to E.164 before comparing, so "138 0013 8000",
 * "+86-138-0013-8000", "0086…" and "sip:+86…@pbx" are the same number whichever way the list or the
 * dial path spelt it. A number that cannot be normalized is refused: we could not prove it is
 * not on the list.
 */
export interface DncList {
  readonly numbers: ReadonlySet<string>;
}

export interface DncRejected {
  entry: string;
  reason: NormalizeFailure;
}

/** Builds the list from raw entries; entries that are not numbers are returned, not dropped silently. */
export function buildDncList(entries: readonly string[], defaultRegion: string): { list: DncList; rejected: DncRejected[] } {
  const numbers = new Set<string>();
  const rejected: DncRejected[] = [];
  for (const entry of entries) {
    const parsed = normalizePhone(entry, defaultRegion);
    if (parsed.ok) numbers.add(parsed.e164);
    else rejected.push({ entry, reason: parsed.reason });
  }
  return { list: { numbers }, rejected };
}

export const EMPTY_DNC: DncList = { numbers: new Set() };

export type NotDialableReason = 'on_dnc_list' | 'customer_do_not_call' | 'invalid_number';

export type DialCheck = { ok: true; e164: string } | { ok: false; reason: NotDialableReason; message: string };

export interface DialContext {
  list: DncList;
  /** The customer the number belongs to, when known: their do-not-call flag covers all their numbers. */
  customer?: Pick<Customer, 'doNotCall'> | null;
  /** Region for reading national-format numbers. */
  defaultRegion: string;
}

export function checkDialable(number: string, context: DialContext): DialCheck {
  const parsed = normalizePhone(number, context.defaultRegion);
  if (!parsed.ok) return { ok: false, reason: 'invalid_number', message: `number: cannot be read as a phone number (${parsed.reason}), so it cannot be checked against do-not-call` };
  if (context.list.numbers.has(parsed.e164)) return { ok: false, reason: 'on_dnc_list', message: `number: ${parsed.e164} is on the do-not-call list` };
  if (context.customer?.doNotCall === true) return { ok: false, reason: 'customer_do_not_call', message: 'customer: asked not to be called' };
  return { ok: true, e164: parsed.e164 };
}

export class NotDialableError extends Error {
  readonly reason: NotDialableReason;
  readonly field: 'number' | 'customer';
  constructor(reason: NotDialableReason, message: string) {
    super(message);
    this.name = 'NotDialableError';
    this.reason = reason;
    this.field = reason === 'customer_do_not_call' ? 'customer' : 'number';
  }
}

/**
 * The gate every dial path goes through (preview dial, redial, click-to-call, callback). Returns the
 * E.164 that was checked: dial exactly that, never the raw input, so what is dialled is what was
 * checked.
 */
export function assertDialable(number: string, context: DialContext): string {
  const check = checkDialable(number, context);
  if (!check.ok) throw new NotDialableError(check.reason, check.message);
  return check.e164;
}
