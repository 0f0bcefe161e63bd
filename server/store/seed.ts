import type { Customer, FollowUpTask, HistoryEvent } from '../../shared/domain';
import type { PhoneRow } from '../db/queries';
import type { StoreContext } from './context';

/**
 * Loads prepared customers, their history and tasks in one transaction, each with its change-feed
 * row: for benchmarks and demo servers, where importing row by row through the CSV rules is not the point.
 */
export function seedStore(ctx: StoreContext) {
  return {
    async bulkSeed(
      teamId: string,
      customers: readonly { customer: Customer; phones: PhoneRow[] }[],
      tasks: readonly FollowUpTask[],
      events: readonly HistoryEvent[] = [],
    ): Promise<void> {
      const hlc = ctx.tick();
      await ctx.engine.tx(async (q) => {
        const at = ctx.now();
        for (const { customer, phones } of customers) {
          const clocks = Object.fromEntries(['name', 'segment', 'tags', 'region', 'timeZone', 'email', 'company', 'city', 'language'].map((f) => [f, hlc]));
          await q.insertCustomer({ teamId, externalId: null, customer, clocks, phones, imported: null });
          await q.appendChange({ domain: 'customer', entityId: customer.id, teamId, userId: null, prevUserId: null, at });
        }
        // Events after their customers (the feed sends a customer before its history), before the tasks that cite them.
        for (const event of events) {
          await q.insertEvent({ teamId, externalId: null, opId: null, event });
          await q.appendChange({ domain: 'history', entityId: event.id, teamId, userId: null, prevUserId: null, at });
        }
        for (const task of tasks) {
          await q.insertTask({ teamId, task, holder: null, leaseUntil: null, epoch: 0 });
          await q.appendChange({ domain: 'task', entityId: task.id, teamId, userId: null, prevUserId: null, at });
        }
      });
    },
  };
}
