import type { Database } from 'better-sqlite3';
import type { HistoryEvent } from '../../../shared/domain';
import type { CustomerRow, EventRow } from '../queries';
import type { SyncOf } from './types';

type CustomerQueries = SyncOf<
  | 'getCustomer'
  | 'getCustomerIdByExternalId'
  | 'insertCustomer'
  | 'updateCustomer'
  | 'listHistory'
  | 'getEvent'
  | 'getEventByExternalId'
  | 'insertEvent'
  | 'updateEvent'
  | 'getCustomers'
  | 'getEvents'
  | 'listCustomersAfter'
  | 'listEventsOfCustomers'
  | 'insertEvents'
  | 'updateCustomers'
>;

interface CustomerSql {
  team_id: string;
  external_id: string | null;
  data: string;
  clocks: string;
  phones: string;
  imported: string | null;
}
const toCustomer = (r: CustomerSql): CustomerRow => ({
  teamId: r.team_id,
  externalId: r.external_id,
  customer: JSON.parse(r.data) as CustomerRow['customer'],
  clocks: JSON.parse(r.clocks) as CustomerRow['clocks'],
  phones: JSON.parse(r.phones) as CustomerRow['phones'],
  imported: r.imported === null ? null : (JSON.parse(r.imported) as CustomerRow['imported']),
});
interface EventSql {
  team_id: string;
  external_id: string | null;
  op_id: string | null;
  data: string;
}
const toEvent = (r: EventSql): EventRow => ({
  teamId: r.team_id,
  externalId: r.external_id,
  opId: r.op_id,
  event: JSON.parse(r.data) as HistoryEvent,
});

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** Customers and their history: the phone numbers also go to an index table for screen-pop lookups. */
export function customerQueries(db: Database): CustomerQueries {
  const s = {
    get: db.prepare('SELECT team_id, external_id, data, clocks, phones, imported FROM customers WHERE id = ?'),
    byExternal: db.prepare('SELECT id FROM customers WHERE external_id = ?').pluck(),
    insert: db.prepare('INSERT INTO customers (id, team_id, external_id, name, data, clocks, phones, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    update: db.prepare('UPDATE customers SET team_id = ?, name = ?, data = ?, clocks = ?, phones = ?, imported = ? WHERE id = ?'),
    clearPhones: db.prepare('DELETE FROM customer_phones WHERE customer_id = ?'),
    addPhone: db.prepare('INSERT OR IGNORE INTO customer_phones (customer_id, e164) VALUES (?, ?)'),
    history: db.prepare(
      `SELECT data FROM history WHERE customer_id = @customerId
         AND (@beforeAt IS NULL OR occurred_at < @beforeAt OR (occurred_at = @beforeAt AND id < @beforeId))
       ORDER BY occurred_at DESC, id DESC LIMIT @limit`,
    ),
    getEvent: db.prepare('SELECT team_id, external_id, op_id, data FROM history WHERE id = ?'),
    eventByExternal: db.prepare('SELECT team_id, external_id, op_id, data FROM history WHERE external_id = ?'),
    insertEvent: db.prepare(
      'INSERT INTO history (id, customer_id, team_id, kind, occurred_at, external_id, op_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateEvent: db.prepare('UPDATE history SET kind = ?, occurred_at = ?, data = ? WHERE id = ?'),
    // Id lists travel as one JSON array parameter: no statement per list length.
    many: db.prepare('SELECT team_id, external_id, data, clocks, phones, imported FROM customers WHERE id IN (SELECT value FROM json_each(?))'),
    manyEvents: db.prepare('SELECT team_id, external_id, op_id, data FROM history WHERE id IN (SELECT value FROM json_each(?))'),
    after: db.prepare('SELECT team_id, external_id, data, clocks, phones, imported FROM customers WHERE id > ? ORDER BY id LIMIT ?'),
    eventsOf: db.prepare('SELECT data FROM history WHERE customer_id IN (SELECT value FROM json_each(?))').pluck(),
  };
  const writePhones = (row: CustomerRow) => {
    s.clearPhones.run(row.customer.id);
    for (const p of row.phones) s.addPhone.run(row.customer.id, p.e164);
  };
  const updateCustomer = (row: CustomerRow) => {
    const c = row.customer;
    s.update.run(row.teamId, c.name, JSON.stringify(c), JSON.stringify(row.clocks), JSON.stringify(row.phones), json(row.imported), c.id);
    writePhones(row);
  };
  const insertEvent = (row: EventRow) =>
    void s.insertEvent.run(row.event.id, row.event.customerId, row.teamId, row.event.kind, row.event.occurredAt, row.externalId, row.opId, JSON.stringify(row.event));
  return {
    getCustomer: (id) => {
      const r = s.get.get(id) as CustomerSql | undefined;
      return r ? toCustomer(r) : null;
    },
    getCustomerIdByExternalId: (ext) => (s.byExternal.get(ext) as string | undefined) ?? null,
    insertCustomer: (row) => {
      const c = row.customer;
      s.insert.run(c.id, row.teamId, row.externalId, c.name, JSON.stringify(c), JSON.stringify(row.clocks), JSON.stringify(row.phones), json(row.imported));
      writePhones(row);
    },
    updateCustomer,
    updateCustomers: (rows) => rows.forEach(updateCustomer),
    listHistory: (customerId, limit, before) =>
      (s.history.all({ customerId, limit, beforeAt: before?.occurredAt ?? null, beforeId: before?.id ?? null }) as { data: string }[]).map(
        (r) => JSON.parse(r.data) as HistoryEvent,
      ),
    getEvent: (id) => {
      const r = s.getEvent.get(id) as EventSql | undefined;
      return r ? toEvent(r) : null;
    },
    getEventByExternalId: (ext) => {
      const r = s.eventByExternal.get(ext) as EventSql | undefined;
      return r ? toEvent(r) : null;
    },
    insertEvent,
    insertEvents: (rows) => rows.forEach(insertEvent),
    updateEvent: (row) => void s.updateEvent.run(row.event.kind, row.event.occurredAt, JSON.stringify(row.event), row.event.id),
    getCustomers: (ids) => (s.many.all(JSON.stringify(ids)) as CustomerSql[]).map(toCustomer),
    getEvents: (ids) => (s.manyEvents.all(JSON.stringify(ids)) as EventSql[]).map(toEvent),
    listCustomersAfter: (afterId, limit) => (s.after.all(afterId, limit) as CustomerSql[]).map(toCustomer),
    listEventsOfCustomers: (ids) => (s.eventsOf.all(JSON.stringify(ids)) as string[]).map((d) => JSON.parse(d) as HistoryEvent),
  };
}
