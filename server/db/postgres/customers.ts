import type { HistoryEvent } from '../../../shared/domain';
import type { CustomerRow, EventRow, Queries } from '../queries';
import { one, type Exec } from './exec';

type CustomerQueries = Pick<
  Queries,
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
  data: CustomerRow['customer'];
  clocks: CustomerRow['clocks'];
  phones: CustomerRow['phones'];
  imported: CustomerRow['imported'];
}
const toCustomer = (r: CustomerSql): CustomerRow => ({ teamId: r.team_id, externalId: r.external_id, customer: r.data, clocks: r.clocks, phones: r.phones, imported: r.imported });
interface EventSql {
  team_id: string;
  external_id: string | null;
  op_id: string | null;
  data: HistoryEvent;
}
const toEvent = (r: EventSql): EventRow => ({ teamId: r.team_id, externalId: r.external_id, opId: r.op_id, event: r.data });
const EVENT = 'SELECT team_id, external_id, op_id, data FROM history';
const CUSTOMER = 'SELECT team_id, external_id, data, clocks, phones, imported FROM customers';

/**
 * Customers and their history. `forUpdate` row-locks the customer so concurrent field merges (and
 * follow-up hooks) queue up. NO KEY UPDATE, not UPDATE: inserting a history row takes KEY SHARE on its
 * customer (the foreign key), which FOR UPDATE would conflict with — two pushes adding events to one
 * customer, then locking it, would deadlock each other.
 */
export function customerQueries(db: Exec): CustomerQueries {
  const writePhones = async (row: CustomerRow) => {
    await db.query('DELETE FROM customer_phones WHERE customer_id = $1', [row.customer.id]);
    const numbers = [...new Set(row.phones.map((p) => p.e164))];
    if (numbers.length > 0) {
      await db.query('INSERT INTO customer_phones (customer_id, e164) SELECT $1, unnest($2::text[])', [row.customer.id, numbers]);
    }
  };
  return {
    getCustomer: async (id, forUpdate = false) => {
      const r = await one<CustomerSql>(db, `SELECT team_id, external_id, data, clocks, phones, imported FROM customers WHERE id = $1${forUpdate ? ' FOR NO KEY UPDATE' : ''}`, [id]);
      return r ? toCustomer(r) : null;
    },
    getCustomerIdByExternalId: async (ext) => (await one<{ id: string }>(db, 'SELECT id FROM customers WHERE external_id = $1', [ext]))?.id ?? null,
    insertCustomer: async (row) => {
      const c = row.customer;
      await db.query('INSERT INTO customers (id, team_id, external_id, name, data, clocks, phones, imported) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        c.id,
        row.teamId,
        row.externalId,
        c.name,
        JSON.stringify(c),
        JSON.stringify(row.clocks),
        JSON.stringify(row.phones),
        row.imported === null ? null : JSON.stringify(row.imported),
      ]);
      await writePhones(row);
    },
    updateCustomer: async (row) => {
      const c = row.customer;
      await db.query('UPDATE customers SET team_id = $1, name = $2, data = $3, clocks = $4, phones = $5, imported = $7 WHERE id = $6', [
        row.teamId,
        c.name,
        JSON.stringify(c),
        JSON.stringify(row.clocks),
        JSON.stringify(row.phones),
        c.id,
        row.imported === null ? null : JSON.stringify(row.imported),
      ]);
      await writePhones(row);
    },
    listHistory: async (customerId, limit, before) =>
      (
        await db.query<{ data: HistoryEvent }>(
          `SELECT data FROM history WHERE customer_id = $1
             AND ($2::text IS NULL OR (occurred_at, id) < ($2, $3))
           ORDER BY occurred_at DESC, id DESC LIMIT $4`,
          [customerId, before?.occurredAt ?? null, before?.id ?? null, limit],
        )
      ).rows.map((r) => r.data),
    getEvent: async (id) => {
      const r = await one<EventSql>(db, `${EVENT} WHERE id = $1`, [id]);
      return r ? toEvent(r) : null;
    },
    getEventByExternalId: async (ext) => {
      const r = await one<EventSql>(db, `${EVENT} WHERE external_id = $1`, [ext]);
      return r ? toEvent(r) : null;
    },
    insertEvent: async (row) =>
      void (await db.query(
        'INSERT INTO history (id, customer_id, team_id, kind, occurred_at, external_id, op_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [row.event.id, row.event.customerId, row.teamId, row.event.kind, row.event.occurredAt, row.externalId, row.opId, JSON.stringify(row.event)],
      )),
    getCustomers: async (ids, forUpdate = false) =>
      (await db.query<CustomerSql>(`${CUSTOMER} WHERE id = ANY($1::text[])${forUpdate ? ' ORDER BY id FOR NO KEY UPDATE' : ''}`, [ids])).rows.map(toCustomer),
    updateCustomers: async (rows) => {
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.customer.id);
      await db.query(
        `UPDATE customers SET team_id = t.team_id, name = t.data->>'name', data = t.data, clocks = t.clocks, phones = t.phones, imported = t.imported
         FROM jsonb_to_recordset($1::jsonb) AS t(team_id text, data jsonb, clocks jsonb, phones jsonb, imported jsonb)
         WHERE customers.id = t.data->>'id'`,
        [JSON.stringify(rows.map((r) => ({ team_id: r.teamId, data: r.customer, clocks: r.clocks, phones: r.phones, imported: r.imported })))],
      );
      await db.query('DELETE FROM customer_phones WHERE customer_id = ANY($1::text[])', [ids]);
      const pairs = rows.flatMap((r) => [...new Set(r.phones.map((p) => p.e164))].map((e164) => [r.customer.id, e164] as const));
      if (pairs.length > 0) {
        await db.query('INSERT INTO customer_phones (customer_id, e164) SELECT * FROM unnest($1::text[], $2::text[])', [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
      }
    },
    // Rows travel as one JSON document: pg's text-array escaping of JSON strings costs more than the insert.
    insertEvents: async (rows) => {
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO history (id, customer_id, team_id, kind, occurred_at, external_id, op_id, data)
         SELECT t.data->>'id', t.data->>'customerId', t.team_id, t.data->>'kind', t.data->>'occurredAt', t.external_id, t.op_id, t.data
         FROM jsonb_to_recordset($1::jsonb) AS t(team_id text, external_id text, op_id text, data jsonb)`,
        [JSON.stringify(rows.map((r) => ({ team_id: r.teamId, external_id: r.externalId, op_id: r.opId, data: r.event })))],
      );
    },
    getEvents: async (ids) => (await db.query<EventSql>(`${EVENT} WHERE id = ANY($1::text[])`, [ids])).rows.map(toEvent),
    listCustomersAfter: async (afterId, limit) =>
      (await db.query<CustomerSql>(`${CUSTOMER} WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit])).rows.map(toCustomer),
    listEventsOfCustomers: async (ids) =>
      (await db.query<{ data: HistoryEvent }>('SELECT data FROM history WHERE customer_id = ANY($1::text[])', [ids])).rows.map((r) => r.data),
    updateEvent: async (row) =>
      void (await db.query('UPDATE history SET kind = $1, occurred_at = $2, data = $3 WHERE id = $4', [
        row.event.kind,
        row.event.occurredAt,
        JSON.stringify(row.event),
        row.event.id,
      ])),
  };
}
