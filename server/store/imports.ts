import { createHash, randomUUID } from 'node:crypto';
import type { Customer, HistoryEvent } from '../../shared/domain';
import { changedFields, mergeLww, stableJson, stampPatch, valuesOf, type EditableCustomer, type LwwRecord } from '../../shared/sync';
import type { CustomerRow, PhoneRow, Queries } from '../db/queries';
import type { StoreContext } from './context';
import { StoreError } from './errors';

export type ImportOutcome = 'inserted' | 'updated' | 'unchanged';
export interface ImportedCustomer {
  externalId: string;
  fields: EditableCustomer;
  phones: PhoneRow[];
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export interface ImportedEvent {
  externalId: string;
  customerExternalId: string;
  event: DistributiveOmit<HistoryEvent, 'id' | 'customerId'>;
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** Imported events get an id derived from kind + external id, so the same row always maps to the same event. */
export function importedEventId(kind: string, externalId: string): string {
  return `imp_${createHash('sha256').update(`${kind}\0${externalId}`).digest('hex').slice(0, 40)}`;
}

function recordOf(row: CustomerRow): LwwRecord {
  return Object.fromEntries(Object.entries(row.clocks).map(([f, hlc]) => [f, { value: (row.customer as Record<string, unknown>)[f], hlc }]));
}

/**
 * Imports are idempotent by external id. The import is one more writer: only fields whose value
 * differs from what the previous import wrote are applied (stamped with a fresh server clock), so
 * re-sending a file changes nothing even after agents edited those customers on their consoles.
 */
export function importStore(ctx: StoreContext) {
  async function upsertCustomer(q: Queries, teamId: string, input: ImportedCustomer): Promise<ImportOutcome> {
    const id = await q.getCustomerIdByExternalId(input.externalId);
    const imported = { ...input.fields, phones: input.phones };
    const at = ctx.now();
    if (id === null) {
      const hlc = ctx.tick();
      const customer: Customer = { id: `cus_${randomUUID()}`, ...input.fields, createdAt: ctx.iso(at), updatedAt: ctx.iso(at) };
      await q.insertCustomer({
        teamId,
        externalId: input.externalId,
        customer,
        clocks: Object.fromEntries(Object.keys(input.fields).map((f) => [f, hlc])),
        phones: input.phones,
        imported,
      });
      await q.appendChange({ domain: 'customer', entityId: customer.id, teamId, userId: null, prevUserId: null, at });
      return 'inserted';
    }
    const row = await q.getCustomer(id, true);
    if (!row) throw new Error(`customer ${id} vanished inside a transaction`);
    if (row.teamId !== teamId) throw new StoreError('forbidden', 'this external id belongs to a customer of another team', 'external_id');
    const previous = row.imported ?? {};
    const patch = Object.fromEntries(Object.entries(input.fields).filter(([f, v]) => !same(previous[f], v)));
    const phonesChanged = !same(previous.phones, input.phones);
    if (Object.keys(patch).length === 0 && !phonesChanged) return 'unchanged';
    const current = recordOf(row);
    const merged = mergeLww(current, stampPatch(patch, ctx.tick()));
    const customer = { ...row.customer, ...valuesOf(merged), updatedAt: ctx.iso(at) };
    const clocks = Object.fromEntries(Object.entries(merged).map(([f, s]) => [f, s.hlc]));
    await q.updateCustomer({ ...row, customer, clocks, phones: phonesChanged ? input.phones : row.phones, imported });
    if (changedFields(current, merged).length > 0 || phonesChanged) {
      await q.appendChange({ domain: 'customer', entityId: id, teamId, userId: null, prevUserId: null, at });
    }
    return 'updated';
  }

  async function upsertEvent(q: Queries, teamId: string, input: ImportedEvent): Promise<ImportOutcome> {
    const customerId = await q.getCustomerIdByExternalId(input.customerExternalId);
    if (customerId === null) throw new StoreError('bad_request', `no customer with external id "${input.customerExternalId}"`, 'customer_external_id');
    const customer = await q.getCustomer(customerId);
    if (!customer || customer.teamId !== teamId) throw new StoreError('forbidden', 'this customer belongs to another team', 'customer_external_id');
    const key = `${input.event.kind}:${input.externalId}`;
    const event = { ...input.event, id: importedEventId(input.event.kind, input.externalId), customerId };
    const existing = await q.getEventByExternalId(key);
    if (existing && same(existing.event, event)) return 'unchanged';
    const row = { teamId, externalId: key, opId: null, event };
    if (existing) await q.updateEvent(row);
    else await q.insertEvent(row);
    await q.appendChange({ domain: 'history', entityId: event.id, teamId, userId: null, prevUserId: null, at: ctx.now() });
    await ctx.onEvent(q, teamId, event, ctx.now());
    return existing ? 'updated' : 'inserted';
  }

  return {
    importCustomer: (teamId: string, input: ImportedCustomer) => ctx.engine.tx((q) => upsertCustomer(q, teamId, input)),
    importEvent: (teamId: string, input: ImportedEvent) => ctx.engine.tx((q) => upsertEvent(q, teamId, input)),
  };
}
