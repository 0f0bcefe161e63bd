import type { ParsedInputOf, ScreenPop } from '../../../shared/api';
import type { CustomerReader, HistoryReader } from '../db';
import { readCallerId } from './callerId';
import { loadCustomer360 } from './customer360';

export interface LookupDeps {
  customers: CustomerReader;
  history: HistoryReader;
  defaultRegion: string;
}

/** First page size of the screen-pop: what fits the panel before the agent scrolls. */
export const SCREEN_POP_PAGE = 50;
/** A shared line rarely has more than a handful of people; the chooser shows at most this many. */
const MAX_CANDIDATES = 20;

/**
 * The screen-pop: ONE call before the agent answers returns everything the panel needs.
 * A PBX that already knows the customer says so in `x-customer-id`, which wins when it names a
 * known customer; otherwise the caller ID decides.
 */
export function lookupCaller(deps: LookupDeps, input: ParsedInputOf<'lookupCaller'>): ScreenPop {
  const caller = readCallerId(input.raw, deps.defaultRegion);
  const callerE164 = caller.status === 'number' ? caller.e164 : null;

  const forcedId = headerValue(input.headers, 'x-customer-id');
  if (forcedId) {
    const view = loadCustomer360(deps, forcedId, SCREEN_POP_PAGE);
    if (view) return { status: 'matched', e164: callerE164, view };
  }

  switch (caller.status) {
    case 'anonymous':
      return { status: 'anonymous' };
    case 'invalid':
      return { status: 'invalid', raw: caller.raw, reason: caller.reason };
    case 'number':
      return popForNumber(deps, caller.e164);
  }
}

function popForNumber(deps: LookupDeps, e164: string): ScreenPop {
  const matches = deps.customers.byPhone(e164, MAX_CANDIDATES);
  const [only] = matches;
  if (!only) return { status: 'unknown', e164 };
  if (matches.length > 1) return { status: 'multiple', e164, candidates: matches };
  const view = loadCustomer360(deps, only.id, SCREEN_POP_PAGE);
  // Deleted between the two reads (a sync landed): the caller is, as of now, unknown.
  return view ? { status: 'matched', e164, view } : { status: 'unknown', e164 };
}

/** Header names should arrive lower-cased; a PBX that did not is forgiven. */
function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key]?.trim();
  return value ? value : null;
}
