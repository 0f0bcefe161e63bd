import { ApiFailure, type HistoryPage, type ParsedInputOf } from '../../../shared/api';
import type { CustomerReader, HistoryReader } from '../db';

export interface HistoryDeps {
  customers: CustomerReader;
  history: HistoryReader;
}

/** The next (older) page of a customer's timeline, optionally of some kinds only. */
export function historyPage(deps: HistoryDeps, input: ParsedInputOf<'historyPage'>): HistoryPage {
  // An empty page would look like "no history"; an unknown id is a different answer.
  if (!deps.customers.exists(input.customerId)) {
    throw new ApiFailure('not_found', `no customer with id ${input.customerId}`, 'customerId');
  }
  return deps.history.page({
    customerId: input.customerId,
    kinds: input.kinds,
    before: input.before ?? null,
    limit: input.limit,
  });
}
