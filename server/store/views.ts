import type { FollowUpTask } from '../../shared/domain';
import { packClocks, type Change } from '../../shared/sync';
import type { CustomerRow, EventRow, TaskRow } from '../db/queries';

/** Rows as they travel in the change feed and REST answers. */
export function customerChange(row: CustomerRow, seq: number): Change {
  return { domain: 'customer', seq, customer: row.customer, phones: row.phones, clocks: packClocks(row.clocks) };
}

export function historyChange(row: EventRow, seq: number): Change {
  return { domain: 'history', seq, event: row.event };
}

export function leaseView(row: TaskRow) {
  return { holder: row.holder, leaseUntil: row.leaseUntil === null ? null : new Date(row.leaseUntil).toISOString(), epoch: row.epoch };
}

export function taskChange(row: TaskRow, seq: number): Change {
  return { domain: 'task', seq, task: row.task, lease: leaseView(row) };
}

export function taskWithLease(row: TaskRow): { task: FollowUpTask; lease: ReturnType<typeof leaseView> } {
  return { task: row.task, lease: leaseView(row) };
}
