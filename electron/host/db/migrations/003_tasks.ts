import type { Migration } from '../migrate';

/**
 * Follow-up tasks (the outbound queue). The queue reads "open tasks by priority, then due time",
 * optionally of one type; the customer panel reads "this customer's tasks". Each queue filter (none, status, type) has
 * an index in queue order, so a page is read in order instead of sorted.
 */
export const tasks: Migration = {
  version: 3,
  name: 'tasks',
  up(db) {
    db.exec(`
      CREATE TABLE followup_tasks (
        seq              INTEGER PRIMARY KEY,
        id               TEXT    NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),
        customer_id      TEXT    NOT NULL REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
        type             TEXT    NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
        status           TEXT    NOT NULL CHECK (status IN ('queued', 'leased', 'done', 'skipped', 'expired')),
        priority         INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
        due_at           INTEGER NOT NULL,
        sla_at           INTEGER NOT NULL,
        -- No foreign key: the event may arrive later by sync, or be pruned locally.
        reason_event_id  TEXT,
        reason           TEXT    NOT NULL CHECK (length(reason) <= 300),
        attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        assigned_to      TEXT,
        created_at       INTEGER NOT NULL,
        rule_id          TEXT,
        team             TEXT,
        script_id        TEXT,
        survey_id        TEXT
      ) STRICT;

      CREATE INDEX tasks_by_status_priority_due ON followup_tasks (status, priority, due_at, id);
      CREATE INDEX tasks_by_type_priority_due ON followup_tasks (type, priority, due_at, id);
      CREATE INDEX tasks_by_priority_due ON followup_tasks (priority, due_at, id);
      CREATE INDEX tasks_by_customer ON followup_tasks (customer_id);
    `);
  },
};
