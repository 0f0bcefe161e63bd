import type { ParsedInputOf, SearchResult } from '../../../shared/api';
import { looksLikePhone, normalizePhone } from '../../../shared/phone/normalize';
import type { CustomerReader } from '../db';

export interface SearchDeps {
  customers: CustomerReader;
  defaultRegion: string;
}

/**
 * The agent's search box: a number in any usual format ("138 0013 8000", "+86-138…", "sip:…")
 * is normalized and looked up exactly; anything else is a name (partial, any case, any script).
 */
export function searchCustomers(deps: SearchDeps, input: ParsedInputOf<'searchCustomers'>): SearchResult {
  const query = input.query.trim();
  if (looksLikePhone(query) || /^(sips?|tel):/i.test(query)) {
    const number = normalizePhone(query, deps.defaultRegion);
    if (!number.ok) return { interpretedAs: 'phone', e164: null, invalidNumber: true, results: [] };
    return {
      interpretedAs: 'phone',
      e164: number.e164,
      invalidNumber: false,
      results: deps.customers.byPhone(number.e164, input.limit),
    };
  }
  return { interpretedAs: 'name', e164: null, invalidNumber: false, results: deps.customers.searchByName(query, input.limit) };
}
