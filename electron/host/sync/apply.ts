import type { Change } from '../../../shared/sync';
import type { PulledCustomer, PulledTask, ReplicaStore } from '../db/replica';
import type { HistoryEvent } from '../../../shared/domain';

/** What changed, as the renderer's `changed` event names it: customer ids for customers and history, task ids for tasks. */
export interface Touched {
  customers: string[];
  history: string[];
  tasks: string[];
}

/** Applies one page of the change feed in one local transaction and says what it touched. */
export function applyChanges(replica: ReplicaStore, changes: readonly Change[]): Touched {
  const customers: PulledCustomer[] = [];
  const events: HistoryEvent[] = [];
  const tasks: PulledTask[] = [];
  for (const c of changes) {
    if (c.domain === 'customer') customers.push(c);
    else if (c.domain === 'history') events.push(c.event);
    else tasks.push(c);
  }
  replica.applyPage({ customers, events, tasks });
  return {
    customers: customers.map((c) => c.customer.id),
    history: [...new Set(events.map((e) => e.customerId))],
    tasks: tasks.map((t) => t.task.id),
  };
}
