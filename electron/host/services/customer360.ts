import type { Customer360 } from '../../../shared/api';
import type { CustomerReader, HistoryReader } from '../db';

export interface Customer360Deps {
  customers: CustomerReader;
  history: HistoryReader;
}

/** Everything the customer panel shows at once: profile, numbers, kind counts, the newest page. */
export function loadCustomer360(deps: Customer360Deps, customerId: string, pageSize: number): Customer360 | null {
  const customer = deps.customers.byId(customerId);
  if (!customer) return null;
  return {
    customer,
    phones: deps.customers.phonesOf(customerId),
    counts: deps.history.countsByKind(customerId),
    firstPage: deps.history.page({ customerId, limit: pageSize }),
  };
}
