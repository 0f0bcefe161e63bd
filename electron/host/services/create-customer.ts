import { randomUUID } from 'node:crypto';
import { ApiFailure, type Customer360, type ParsedInputOf } from '../../../shared/api';
import { normalizePhone } from '../../../shared/phone/normalize';
import type { Stores } from '../db';
import { loadCustomer360 } from './customer360';

export type CreateCustomerDeps = Pick<Stores, 'customers' | 'history'> & { defaultRegion: string };

/**
 * Quick create from the unknown-caller card: a name and the number that called are enough; the
 * rest of the profile can wait for the server or a later edit.
 */
export function createCustomer(deps: CreateCustomerDeps, input: ParsedInputOf<'createCustomer'>): Customer360 {
  const number = normalizePhone(input.phone, deps.defaultRegion);
  if (!number.ok) throw new ApiFailure('bad_request', `phone: not a phone number we can dial (${number.reason})`, 'phone');
  const now = new Date().toISOString();
  const id = `cust-${randomUUID()}`;
  deps.customers.insert(
    {
      id,
      name: input.name,
      segment: 'new',
      tags: [],
      region: number.region,
      timeZone: null,
      email: null,
      company: null,
      city: input.city ? input.city : null,
      language: null,
      createdAt: now,
      updatedAt: now,
    },
    [{ e164: number.e164, label: 'mobile', isPrimary: true }],
  );
  const view = loadCustomer360(deps, id, 50);
  if (!view) throw new Error(`customer ${id} vanished right after it was created`);
  return view;
}
