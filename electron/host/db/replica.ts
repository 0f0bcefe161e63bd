import type { Statement } from 'better-sqlite3';
import { HistoryEvent, type Customer, type FollowUpTask } from '../../../shared/domain';
import { EDITABLE_CUSTOMER_FIELDS, clockOf, wins, type EditableCustomer } from '../../../shared/sync';
import { fromMillis, toMillis } from './instant';
import { rebuildNameIndexes } from './nameWords';
import type { Db } from './open';
import { refreshZones } from './zones';

/** What a pulled customer carries (shared/sync CustomerChange without the envelope). */
export interface PulledCustomer {
  customer: Customer;
  phones: readonly { e164: string; label: string; isPrimary: boolean }[];
  /** Packed: `*` stands for every field not named (shared/sync/packed-clocks). */
  clocks: Readonly<Record<string, string>>;
}
export interface PulledTask {
  task: FollowUpTask;
  lease: { holder: string | null; leaseUntil: string | null; epoch: number };
}
export interface Lease {
  holder: string | null;
  leaseUntil: number | null;
  epoch: number;
}

const ZERO = '000000000000000:00000:0';

/** The parameters of `upsertTask`, in its column order (taskParams' names, db/tasks.ts). */
export const TASK_PARAM_ORDER = [
  'id', 'customerId', 'type', 'status', 'priority', 'dueAt', 'slaAt', 'reasonEventId',
  'reason', 'attempts', 'assignedTo', 'createdAt', 'ruleId', 'team', 'scriptId', 'surveyId',
] as const;

/**
 * A pulled task as positional parameters of `upsertTask`: the same values as taskParams gives by
 * name (replica.test.ts holds them together), without its object spread, which costs more than the
 * insert itself when an initial sync writes 100,000 tasks.
 */
export function taskRow(t: FollowUpTask): unknown[] {
  return [t.id, t.customerId, t.type, t.status, t.priority, toMillis(t.dueAt), toMillis(t.slaAt), t.reasonEventId, t.reason, t.attempts, t.assignedTo,
    toMillis(t.createdAt), t.ruleId ?? null, t.team ?? null, t.scriptId ?? null, t.surveyId ?? null];
}

/** store_meta key: what an initial sync dropped (the SQL of its triggers and indexes), present while it runs. */
const BULK_KEY = 'sync_initial_load_triggers';
/** Per-row index triggers on customers, their numbers and tasks: name search (001, 007) and calling zones (009). */
const BULK_TRIGGERS = "type = 'trigger' AND (name LIKE 'customers_fts_%' OR name LIKE 'customers_words_%' OR name LIKE 'followup_zone_%')";
/**
 * The secondary indexes of the tables a pull fills. Unique ones stay: upserts resolve conflicts
 * through them and they enforce rules a load must not break (one primary number per customer).
 */
const BULK_INDEXES =
  "type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ('customers', 'customer_phones', 'history_events', 'followup_tasks', 'task_leases')";

interface SchemaObject {
  name: string;
  sql: string;
}
/** What beginInitialLoad dropped; a store cut mid-load by an older build saved only the triggers, as an array. */
function droppedForLoad(saved: string): { triggers: SchemaObject[]; indexes: SchemaObject[] } {
  const value = JSON.parse(saved) as SchemaObject[] | { triggers: SchemaObject[]; indexes: SchemaObject[] };
  return Array.isArray(value) ? { triggers: value, indexes: [] } : value;
}
const PHONE_LABELS = new Set(['mobile', 'home', 'work', 'other']);

/**
 * WAL pages between checkpoints during an initial load (64 MiB at 4 KiB pages; SQLite's default is
 * 1,000). Every checkpoint copies the pages written since the last one, and a load rewrites the
 * same index and table-edge pages page after page: checkpointing 16 times less often cut the
 * store's share of a 200,000-customer load by ≈ 18 % (4.6 → 3.8 s, the final checkpoint included).
 */
const LOAD_CHECKPOINT_PAGES = 16_000;

/** Which of `ids` the store holds (one statement for a whole page). */
function storedIds(statement: Statement<[string], string>, ids: readonly string[]): Set<string> {
  return new Set(ids.length === 0 ? [] : statement.all(JSON.stringify(ids)));
}

/**
 * The console's copy of the server's data: applies pulled changes and the console's own edits.
 * Customers merge field by field on their clocks (docs/sync.md), so an edit still waiting in the
 * outbox survives a pull of an older server state, and a newer server edit replaces an older local
 * one. `customer_clocks` holds the clocks of local edits only (fields whose local value still beats
 * the server's): a field without one holds the server's value as last pulled, and the server's clock
 * of a field only grows, so the next pull's value wins it anyway — exactly as if the pulled clock
 * had been stored, without writing (and JSON-checking) a clocks row per pulled customer. Upserts never delete a row: REPLACE would cascade away the customer's history and tasks.
 */
export function replicaStore(db: Db) {
  const s = {
    customer: db.prepare<[string], Record<string, unknown>>(
      'SELECT name, segment, tags, region, time_zone, email, company, city, language FROM customers WHERE id = ?',
    ),
    clocks: db.prepare<[string], { clocks: string }>('SELECT clocks FROM customer_clocks WHERE customer_id = ?'),
    upsertCustomer: db.prepare(
      `INSERT INTO customers (id, name, segment, tags, region, time_zone, email, company, city, language, do_not_call, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, segment = excluded.segment, tags = excluded.tags, region = excluded.region,
         time_zone = excluded.time_zone, email = excluded.email, company = excluded.company, city = excluded.city,
         language = excluded.language, do_not_call = excluded.do_not_call, created_at = excluded.created_at, updated_at = excluded.updated_at`,
    ),
    saveClocks: db.prepare<[string, string]>(
      'INSERT INTO customer_clocks (customer_id, clocks) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET clocks = excluded.clocks',
    ),
    dropClocks: db.prepare<[string]>('DELETE FROM customer_clocks WHERE customer_id = ?'),
    clearPhones: db.prepare<[string]>('DELETE FROM customer_phones WHERE customer_id = ?'),
    addPhone: db.prepare<[string, string, string, number]>(
      'INSERT OR IGNORE INTO customer_phones (customer_id, e164, label, is_primary) VALUES (?, ?, ?, ?)',
    ),
    upsertEvent: db.prepare<[string, string, string, number, string, string]>(
      `INSERT INTO history_events (id, customer_id, kind, occurred_at, summary, payload) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, occurred_at = excluded.occurred_at, summary = excluded.summary, payload = excluded.payload`,
    ),
    upsertTask: db.prepare(
      `INSERT INTO followup_tasks (id, customer_id, type, status, priority, due_at, sla_at, reason_event_id, reason, attempts,
         assigned_to, created_at, rule_id, team, script_id, survey_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, type = excluded.type, status = excluded.status,
         priority = excluded.priority, due_at = excluded.due_at, sla_at = excluded.sla_at, reason_event_id = excluded.reason_event_id,
         reason = excluded.reason, attempts = excluded.attempts, assigned_to = excluded.assigned_to, created_at = excluded.created_at,
         rule_id = excluded.rule_id, team = excluded.team, script_id = excluded.script_id, survey_id = excluded.survey_id`,
    ),
    lease: db.prepare<[string], { holder: string | null; lease_until: number | null; epoch: number }>(
      'SELECT holder, lease_until, epoch FROM task_leases WHERE task_id = ?',
    ),
    upsertLease: db.prepare<[string, string | null, number | null, number]>(
      `INSERT INTO task_leases (task_id, holder, lease_until, epoch) VALUES (?, ?, ?, ?)
       ON CONFLICT (task_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until, epoch = excluded.epoch`,
    ),
    meta: db.prepare<[string], { do_not_call: number; created_at: number }>('SELECT do_not_call, created_at FROM customers WHERE id = ?'),
    event: db.prepare<[string], { id: string; customer_id: string; kind: string; occurred_at: number; summary: string; payload: string }>(
      'SELECT id, customer_id, kind, occurred_at, summary, payload FROM history_events WHERE id = ?',
    ),
    settle: db.prepare<{ id: string; status: string; attempts: number; dueAt: number; slaAt: number; assignedTo: string | null }>(
      'UPDATE followup_tasks SET status = @status, attempts = @attempts, due_at = @dueAt, sla_at = @slaAt, assigned_to = @assignedTo WHERE id = @id',
    ),
    storedCustomers: db.prepare<[string], string>('SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?))').pluck(),
    storedTasks: db.prepare<[string], string>('SELECT id FROM followup_tasks WHERE id IN (SELECT value FROM json_each(?))').pluck(),
    taskState: db.prepare<[string, number, string | null, string]>('UPDATE followup_tasks SET status = ?, attempts = attempts + ?, assigned_to = ? WHERE id = ?'),
  };

  /** Local values of the editable fields, as the Customer type spells them. */
  const localFields = (id: string): Record<string, unknown> | null => {
    const r = s.customer.get(id);
    if (!r) return null;
    return {
      name: r.name,
      segment: r.segment,
      tags: JSON.parse(r.tags as string) as unknown,
      region: r.region,
      timeZone: r.time_zone,
      email: r.email,
      company: r.company,
      city: r.city,
      language: r.language,
    };
  };
  const localClocks = (id: string): Record<string, string> | null => {
    const r = s.clocks.get(id);
    return r ? (JSON.parse(r.clocks) as Record<string, string>) : null;
  };
  // Positional, no spread object: at 200,000 pulled customers the named form costs seconds.
  const writeCustomer = (c: Customer) =>
    s.upsertCustomer.run(
      c.id,
      c.name,
      c.segment,
      JSON.stringify(c.tags),
      c.region,
      c.timeZone,
      c.email,
      c.company,
      c.city,
      c.language,
      c.doNotCall ? 1 : 0,
      toMillis(c.createdAt),
      toMillis(c.updatedAt),
    );

  /** `stored`: the customer is in the store already; a new one has no clocks and no numbers to clear. */
  function applyCustomer(p: PulledCustomer, stored: boolean): void {
    const mine = stored ? localClocks(p.customer.id) : null;
    let customer = p.customer;
    // Only the clocks of local values that still win are kept (see customer_clocks above).
    const clocks: Record<string, string> = {};
    const current = mine ? localFields(p.customer.id) : null;
    if (mine && current) {
      // Field by field: keep a local value whose clock beats the server's (an edit not pushed yet).
      const merged: Record<string, unknown> = { ...customer };
      for (const f of EDITABLE_CUSTOMER_FIELDS) {
        const local = { value: current[f], hlc: mine[f] ?? ZERO };
        const remote = { value: (customer as Record<string, unknown>)[f], hlc: clockOf(p.clocks, f) ?? ZERO };
        if (wins(local, remote)) {
          merged[f] = local.value;
          clocks[f] = local.hlc;
        }
      }
      customer = merged as Customer;
    }
    writeCustomer(customer);
    if (Object.keys(clocks).length > 0) s.saveClocks.run(customer.id, JSON.stringify(clocks));
    else if (mine) s.dropClocks.run(customer.id);
    if (stored) s.clearPhones.run(customer.id);
    let primary = false;
    for (const phone of p.phones) {
      // The local schema allows one primary per customer; a second "primary" from the server is kept as a plain number.
      const isPrimary: boolean = phone.isPrimary && !primary;
      primary ||= isPrimary;
      s.addPhone.run(customer.id, phone.e164, PHONE_LABELS.has(phone.label) ? phone.label : 'other', isPrimary ? 1 : 0);
    }
  }

  function applyEvent(e: HistoryEvent): void {
    s.upsertEvent.run(e.id, e.customerId, e.kind, toMillis(e.occurredAt), e.summary, JSON.stringify(e.payload));
  }

  function applyTask({ task: t, lease }: PulledTask, stored: boolean): void {
    s.upsertTask.run(...taskRow(t));
    // No lease row reads as no lease at epoch 0 (`lease()` callers, the queue): a task never leased
    // (most of an initial sync) writes none; a row already there is always brought up to date.
    if (lease.holder === null && lease.leaseUntil === null && lease.epoch === 0 && (!stored || !s.lease.get(t.id))) return;
    s.upsertLease.run(t.id, lease.holder, lease.leaseUntil === null ? null : toMillis(lease.leaseUntil), lease.epoch);
  }

  const bulk = {
    saved: db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?'),
    save: db.prepare<[string, string]>('INSERT INTO store_meta (key, value) VALUES (?, ?)'),
    forget: db.prepare<[string]>('DELETE FROM store_meta WHERE key = ?'),
    triggers: db.prepare<[], SchemaObject>(`SELECT name, sql FROM sqlite_schema WHERE ${BULK_TRIGGERS}`),
    indexes: db.prepare<[], SchemaObject>(`SELECT name, sql FROM sqlite_schema WHERE ${BULK_INDEXES}`),
    exists: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sqlite_schema WHERE name = ?'),
    empty: db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM followup_tasks LIMIT 1)) AS n'),
  };
  const beginInitialLoad = db.transaction((): boolean => {
    if (bulk.saved.get(BULK_KEY)) return true;
    if ((bulk.empty.get()?.n ?? 1) > 0) return false;
    const triggers = bulk.triggers.all();
    const indexes = bulk.indexes.all();
    bulk.save.run(BULK_KEY, JSON.stringify({ triggers, indexes }));
    for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
    for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
    return true;
  });
  const finishInitialLoad = db.transaction((): boolean => {
    const saved = bulk.saved.get(BULK_KEY);
    if (!saved) return false;
    const { triggers, indexes } = droppedForLoad(saved.value);
    rebuildNameIndexes(db);
    // Every task arrived (or was written locally) while the zone triggers were away: all are
    // recomputed. A zone set meanwhile (a refresh by the host) may be stale: cleared first.
    // Before the indexes come back, so the pick indexes (call_zone first) are built once, by a sort.
    db.exec('UPDATE followup_tasks SET call_zone = NULL WHERE call_zone IS NOT NULL');
    refreshZones(db);
    for (const { name, sql } of [...indexes, ...triggers]) {
      // A migration since (an upgrade after a crash mid-load) may have made it again.
      if ((bulk.exists.get(name)?.n ?? 0) === 0) db.exec(sql);
    }
    bulk.forget.run(BULK_KEY);
    return true;
  });

  /** The connection's checkpoint interval while an initial load runs with a longer one. */
  let restoreCheckpoints: number | null = null;

  return {
    /**
     * The initial sync of an empty store loads like the demo seeder (db/bulk.ts) without leaving
     * the store unusable: the per-row index triggers (name search, calling zones) and the secondary
     * indexes of the pulled tables are dropped — together they cost more than the rows themselves —
     * and rebuilt once, by `finishInitialLoad` (an index built by one sort costs a fraction of
     * 100,000 inserts into it). Only when the store holds no customer and no task (a first
     * sign-in); their SQL is kept in store_meta so a crash mid-load is repaired at the next start
     * (`finishInitialLoad` again). Meanwhile local writes still land in the tables and the rebuild
     * indexes them too; lookups scan instead of seeking (tens of ms at 200,000 customers), name
     * search and the follow-up pick (`initialLoadRunning`) wait for it. Returns whether the load runs in this mode.
     */
    beginInitialLoad: (): boolean => {
      const began = beginInitialLoad();
      if (began) {
        restoreCheckpoints ??= db.pragma('wal_autocheckpoint', { simple: true }) as number;
        db.pragma(`wal_autocheckpoint = ${LOAD_CHECKPOINT_PAGES}`);
      }
      return began;
    },
    /** Rebuilds what `beginInitialLoad` left out and restores the triggers; false when none was running. */
    finishInitialLoad: (): boolean => {
      // Back to the usual interval first: the finish's own commit then checkpoints what the load wrote.
      if (restoreCheckpoints !== null) db.pragma(`wal_autocheckpoint = ${restoreCheckpoints}`);
      restoreCheckpoints = null;
      return finishInitialLoad();
    },
    /**
     * One pulled page in one transaction. Customers first: the server sends an entity once per page
     * at its last change, so a customer edited after its events were appended comes after them.
     */
    applyPage: db.transaction((page: { customers: readonly PulledCustomer[]; events: readonly HistoryEvent[]; tasks: readonly PulledTask[] }) => {
      // One probe per page for which rows are new (all of them in an initial sync) instead of a
      // clocks read and a numbers delete per customer, and a lease read per task, that find nothing.
      const storedCustomers = storedIds(s.storedCustomers, page.customers.map((c) => c.customer.id));
      const storedTasks = storedIds(s.storedTasks, page.tasks.map((t) => t.task.id));
      for (const c of page.customers) {
        applyCustomer(c, storedCustomers.has(c.customer.id));
        storedCustomers.add(c.customer.id);
      }
      for (const e of page.events) applyEvent(e);
      for (const t of page.tasks) {
        applyTask(t, storedTasks.has(t.task.id));
        storedTasks.add(t.task.id);
      }
    }),
    /** A local edit, stamped with its clock (call inside the transaction that queues the op). */
    patchCustomer(customerId: string, fields: Partial<EditableCustomer>, hlc: string, updatedAt: string): void {
      const current = localFields(customerId);
      const meta = s.meta.get(customerId);
      if (!current || !meta) throw new Error(`no customer ${customerId}`);
      const next = { ...current, ...fields, id: customerId } as Customer;
      writeCustomer({ ...next, doNotCall: meta.do_not_call === 1, createdAt: fromMillis(meta.created_at), updatedAt });
      const clocks = localClocks(customerId) ?? {};
      for (const f of Object.keys(fields)) clocks[f] = hlc;
      s.saveClocks.run(customerId, JSON.stringify(clocks));
    },
    /** A stored event as the protocol carries it; null when missing or unreadable. */
    eventById(id: string): HistoryEvent | null {
      const r = s.event.get(id);
      if (!r) return null;
      const parsed = HistoryEvent.safeParse({ id: r.id, customerId: r.customer_id, kind: r.kind, occurredAt: fromMillis(r.occurred_at), summary: r.summary, payload: JSON.parse(r.payload) as unknown });
      return parsed.success ? parsed.data : null;
    },
    /** The server's lease on a task as last pulled or claimed; null when it never had one (= no holder, epoch 0). */
    lease(taskId: string): Lease | null {
      const r = s.lease.get(taskId);
      return r ? { holder: r.holder, leaseUntil: r.lease_until, epoch: r.epoch } : null;
    },
    /** The server granted a claim: the task is ours (leased, assigned to us) until the lease ends. */
    setLease(taskId: string, lease: Lease): void {
      s.taskState.run('leased', 0, lease.holder, taskId);
      s.upsertLease.run(taskId, lease.holder, lease.leaseUntil, lease.epoch);
    },
    /** An outcome that decided the task's next state itself (a retry's due time, a callback's owner): stored as given, lease let go. */
    settleTask(task: FollowUpTask): void {
      s.settle.run({ id: task.id, status: task.status, attempts: task.attempts, dueAt: toMillis(task.dueAt), slaAt: toMillis(task.slaAt), assignedTo: task.assignedTo });
      const lease = s.lease.get(task.id);
      if (lease) s.upsertLease.run(task.id, null, null, lease.epoch);
    },
    /** An outcome recorded here: the task leaves the queue locally at once; the server confirms it on push. */
    closeTask(taskId: string, status: FollowUpTask['status'], assignedTo: string | null): void {
      s.taskState.run(status, 1, assignedTo, taskId);
      const lease = s.lease.get(taskId);
      s.upsertLease.run(taskId, null, null, lease?.epoch ?? 0);
    },
  };
}
export type ReplicaStore = ReturnType<typeof replicaStore>;
