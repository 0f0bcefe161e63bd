import type { FollowUpTask } from '../../shared/domain';
import type { CustomerRow, EventRow, Queries, TaskRow } from '../db/queries';

/** What a batch reads before running its ops: loaded (and, for tasks and customers, row-locked) in a few queries. */
export interface Preload {
  /** Row-locked (FOR UPDATE), like `getTask(id, true)`. */
  tasks: readonly string[];
  /** Row-locked (FOR NO KEY UPDATE), like `getCustomer(id, true)`. */
  lockedCustomers: readonly string[];
  /** Read without a lock. */
  customers: readonly string[];
  events: readonly string[];
  /** Customers whose task lists the follow-up rules will read. */
  taskListsOf: readonly string[];
}

/**
 * The queries of one group-committed push transaction (a unit of work over `Queries`). The per-op
 * code — push.ts and the follow-up hook — runs unchanged and one op after another on top of it:
 * - reads come from what the batch preloaded in a few multi-row queries (tasks and customers row-
 *   locked in id order, as the single-row reads lock them) and from the batch's own earlier writes,
 *   so each op sees exactly the state the ops before it left;
 * - writes are buffered and reach the database in one multi-row statement per table (`flush`),
 *   before the changes (and on PostgreSQL the sequence counter) — a batch of 300 ops costs about a
 *   dozen round trips instead of 3,000;
 * - a read nothing preloaded falls back to the database; any other query first flushes the buffer,
 *   so nothing can ever read around a buffered write.
 * Rows handed out are shared with the buffer: callers build new rows, they never mutate them (the
 * store's code never does).
 */
export function unitOfWork(q: Queries) {
  const tasks = new Map<string, TaskRow | null>();
  const lockedTasks = new Set<string>();
  const customers = new Map<string, CustomerRow | null>();
  const lockedCustomers = new Set<string>();
  const events = new Map<string, EventRow | null>();
  /** Task lists per customer as the database had them when first read; the batch's own task writes are laid over them. */
  const taskLists = new Map<string, FollowUpTask[]>();

  const newEvents: EventRow[] = [];
  const newTasks = new Map<string, TaskRow>();
  const changedTasks = new Map<string, TaskRow>();
  const changedCustomers = new Map<string, CustomerRow>();
  /** Every task this batch inserted or changed, for the task lists. */
  const writtenTasks = new Map<string, TaskRow>();

  async function flushWrites(): Promise<void> {
    if (newEvents.length > 0) await q.insertEvents(newEvents.splice(0));
    if (changedCustomers.size > 0) {
      await q.updateCustomers([...changedCustomers.values()]);
      changedCustomers.clear();
    }
    if (newTasks.size > 0) {
      await q.insertTasks([...newTasks.values()]);
      newTasks.clear();
    }
    if (changedTasks.size > 0) {
      await q.updateTasks([...changedTasks.values()]);
      changedTasks.clear();
    }
  }

  function writeTask(row: TaskRow, insert: boolean): void {
    const id = row.task.id;
    tasks.set(id, row);
    writtenTasks.set(id, row);
    if (insert || newTasks.has(id)) newTasks.set(id, row);
    else changedTasks.set(id, row);
  }

  async function loadTaskLists(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !taskLists.has(id));
    if (missing.length === 0) return;
    // Whether or not the batch's own tasks are already in the database, the overlay replaces them by id.
    const rows = await q.listTasksOfCustomers(missing);
    for (const id of missing) taskLists.set(id, []);
    for (const t of rows) taskLists.get(t.customerId)?.push(t);
  }

  const flushFirst =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await flushWrites();
      return fn(...args);
    };

  const queries: Queries = {
    ...(Object.fromEntries(
      Object.entries(q).map(([name, fn]) => [name, flushFirst((fn as (...a: unknown[]) => Promise<unknown>).bind(q))]),
    ) as unknown as Queries),
    // Changes only queue up in the engine; the batch's rows go out before them.
    appendChange: (change) => q.appendChange(change),
    flushChanges: async () => {
      await flushWrites();
      return q.flushChanges();
    },
    async getTask(id, forUpdate = false) {
      if (forUpdate && !lockedTasks.has(id) && !newTasks.has(id)) {
        const row = await q.getTask(id, true);
        lockedTasks.add(id);
        if (!tasks.has(id)) tasks.set(id, row);
      } else if (!tasks.has(id)) {
        tasks.set(id, await q.getTask(id, false));
      }
      return tasks.get(id) ?? null;
    },
    async getCustomer(id, forUpdate = false) {
      if (forUpdate && !lockedCustomers.has(id)) {
        const row = await q.getCustomer(id, true);
        lockedCustomers.add(id);
        if (!customers.has(id)) customers.set(id, row);
      } else if (!customers.has(id)) {
        customers.set(id, await q.getCustomer(id, false));
      }
      return customers.get(id) ?? null;
    },
    async getEvent(id) {
      if (!events.has(id)) events.set(id, await q.getEvent(id));
      return events.get(id) ?? null;
    },
    insertEvent(row) {
      if (events.get(row.event.id)) return Promise.reject(new Error(`event ${row.event.id} inserted twice in one batch`));
      events.set(row.event.id, row);
      newEvents.push(row);
      return Promise.resolve();
    },
    updateCustomer(row) {
      customers.set(row.customer.id, row);
      changedCustomers.set(row.customer.id, row);
      return Promise.resolve();
    },
    insertTask(row) {
      if (tasks.get(row.task.id)) return Promise.reject(new Error(`task ${row.task.id} inserted twice in one batch`));
      writeTask(row, true);
      return Promise.resolve();
    },
    updateTask(row) {
      writeTask(row, false);
      return Promise.resolve();
    },
    async listTasksOfCustomers(ids) {
      await loadTaskLists(ids);
      const wanted = new Set(ids);
      const out: FollowUpTask[] = [];
      for (const id of wanted) for (const t of taskLists.get(id) ?? []) if (!writtenTasks.has(t.id)) out.push(t);
      for (const row of writtenTasks.values()) if (wanted.has(row.task.customerId)) out.push(row.task);
      return out;
    },
  };

  return {
    queries,
    /** Loads what the ops will read, before any of them runs: tasks, then customers, locked in id order. */
    async preload(p: Preload): Promise<void> {
      const taskIds = [...new Set(p.tasks)].filter((id) => !lockedTasks.has(id));
      if (taskIds.length > 0) {
        const found = new Map((await q.getTasks(taskIds, true)).map((r) => [r.task.id, r]));
        for (const id of taskIds) {
          lockedTasks.add(id);
          if (!tasks.has(id)) tasks.set(id, found.get(id) ?? null);
        }
      }
      const lockIds = [...new Set(p.lockedCustomers)].filter((id) => !lockedCustomers.has(id));
      if (lockIds.length > 0) {
        const found = new Map((await q.getCustomers(lockIds, true)).map((r) => [r.customer.id, r]));
        for (const id of lockIds) {
          lockedCustomers.add(id);
          if (!customers.has(id)) customers.set(id, found.get(id) ?? null);
        }
      }
      const readIds = [...new Set(p.customers)].filter((id) => !customers.has(id));
      if (readIds.length > 0) {
        const found = new Map((await q.getCustomers(readIds)).map((r) => [r.customer.id, r]));
        for (const id of readIds) customers.set(id, found.get(id) ?? null);
      }
      const eventIds = [...new Set(p.events)].filter((id) => !events.has(id));
      if (eventIds.length > 0) {
        const found = new Map((await q.getEvents(eventIds)).map((r) => [r.event.id, r]));
        for (const id of eventIds) events.set(id, found.get(id) ?? null);
      }
      await loadTaskLists(p.taskListsOf);
    },
  };
}
