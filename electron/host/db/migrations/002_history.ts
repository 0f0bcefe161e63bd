import type { Migration } from '../migrate';

/**
 * One table for every kind of event; the payload is JSON typed per kind (validated by the zod
 * schemas in shared/domain/history.ts on write and on read).
 * The two indexes serve the customer panel: the newest page of everything, and of one kind.
 * The trailing `id` makes the order total, so keyset paging never repeats or skips events that
 * share a timestamp.
 */
export const history: Migration = {
  version: 2,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE history_events (
        seq          INTEGER PRIMARY KEY,
        id           TEXT    NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),
        customer_id  TEXT    NOT NULL REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
        kind         TEXT    NOT NULL CHECK (kind IN ('call', 'ticket', 'order', 'followup', 'feedback', 'note')),
        occurred_at  INTEGER NOT NULL,
        summary      TEXT    NOT NULL CHECK (length(summary) <= 300),
        payload      TEXT    NOT NULL CHECK (json_valid(payload))
      ) STRICT;

      CREATE INDEX history_by_customer_time
        ON history_events (customer_id, occurred_at DESC, id DESC);
      CREATE INDEX history_by_customer_kind_time
        ON history_events (customer_id, kind, occurred_at DESC, id DESC);
    `);
  },
};
