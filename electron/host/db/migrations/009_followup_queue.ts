import type { Migration } from '../migrate';

/**
 * The customer's calling zone as the triggers compute it: followup_zone() (db/zones.ts, registered
 * by open.ts) gets the customer's zone, region and numbers (primary first) and picks the number a
 * follow-up would dial.
 */
const ZONE_OF = (customerId: string) => `(
  SELECT followup_zone(c.time_zone, c.region,
    (SELECT group_concat(p.e164, ' ' ORDER BY p.is_primary DESC, p.e164) FROM customer_phones p WHERE p.customer_id = c.id))
  FROM customers c WHERE c.id = ${customerId})`;

/**
 * The local follow-up queue's pick (services/followup, docs/followup.md "Local queue"): the next
 * task for an agent is read from two indexes, never by sorting the queue.
 *
 * - `at_risk_at`: when the task becomes at risk (shared/followup/ordering atRiskAtMs: due + ¾ of the
 *   window, rounded up; due when there is no window). Generated, so every writer (local writes,
 *   sync pulls, the demo seeder) gets it right. "At risk now" is then `at_risk_at <= now`, a range.
 * - `call_zone`: the zone whose calling window applies (shared/followup/zones zoneFor of the
 *   customer and the number a follow-up dials: the first of theirs, primary first, that is not on
 *   a do-not-call list). The pick asks one zone at a time, so a night in Shanghai
 *   skips all Shanghai tasks in one index probe instead of reading them. Kept by triggers on the
 *   task, the customer (time_zone, region) and their numbers; `followup_zone()` is a function the
 *   app registers with the deployment's zone options (db/zones.ts refills the column when they
 *   change). NULL until computed: rows from before this migration are filled on the host's start.
 * - two partial indexes over open tasks (queued, or leased to someone), in pick order within
 *   (zone, assignee, priority): promoted tasks by at_risk_at, the others by due_at; status, type
 *   and attempts ride along so their filters are read from the index.
 * - `dnc_numbers`: numbers this console was told never to call (wrap-up "do not call"), beside the
 *   managed list from the settings file. The customer's flag syncs; this list stays local so a pull
 *   of an older server copy of the customer cannot make the number callable again.
 */
export const followupQueue: Migration = {
  version: 9,
  name: 'followup_queue',
  up(db) {
    db.exec(`
      ALTER TABLE followup_tasks ADD COLUMN call_zone TEXT;
      ALTER TABLE followup_tasks ADD COLUMN at_risk_at INTEGER
        GENERATED ALWAYS AS (CASE WHEN sla_at <= due_at THEN due_at ELSE due_at + ((sla_at - due_at) * 3 + 3) / 4 END) VIRTUAL;

      CREATE INDEX tasks_pick_at_risk ON followup_tasks (call_zone, assigned_to, priority, at_risk_at, id, status, type, attempts)
        WHERE status IN ('queued', 'leased');
      CREATE INDEX tasks_pick_due ON followup_tasks (call_zone, assigned_to, priority, due_at, id, at_risk_at, status, type, attempts)
        WHERE status IN ('queued', 'leased');

      CREATE TRIGGER followup_zone_task_insert AFTER INSERT ON followup_tasks BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('new.customer_id')} WHERE seq = new.seq;
      END;
      CREATE TRIGGER followup_zone_task_update AFTER UPDATE OF customer_id ON followup_tasks
        WHEN old.customer_id IS NOT new.customer_id OR new.call_zone IS NULL BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('new.customer_id')} WHERE seq = new.seq;
      END;
      CREATE TRIGGER followup_zone_customer AFTER UPDATE OF time_zone, region ON customers
        WHEN old.time_zone IS NOT new.time_zone OR old.region IS NOT new.region BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('new.id')} WHERE customer_id = new.id;
      END;
      CREATE TRIGGER followup_zone_phone_insert AFTER INSERT ON customer_phones BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('new.customer_id')} WHERE customer_id = new.customer_id;
      END;
      CREATE TRIGGER followup_zone_phone_delete AFTER DELETE ON customer_phones BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('old.customer_id')} WHERE customer_id = old.customer_id;
      END;
      CREATE TRIGGER followup_zone_phone_update AFTER UPDATE ON customer_phones BEGIN
        UPDATE followup_tasks SET call_zone = ${ZONE_OF('new.customer_id')} WHERE customer_id = new.customer_id;
      END;

      CREATE TABLE dnc_numbers (
        e164         TEXT    NOT NULL PRIMARY KEY
                     CHECK (e164 GLOB '+[1-9]*' AND substr(e164, 2) NOT GLOB '*[^0-9]*' AND length(e164) BETWEEN 8 AND 16),
        -- Whose wish it was: their other numbers are blocked by the customer's own flag.
        customer_id  TEXT    REFERENCES customers (id) ON DELETE SET NULL ON UPDATE CASCADE,
        source       TEXT    NOT NULL CHECK (source IN ('wrap_up', 'agent')),
        task_id      TEXT,
        agent        TEXT,
        added_at     INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dnc_numbers_by_customer ON dnc_numbers (customer_id) WHERE customer_id IS NOT NULL;
    `);
  },
};
