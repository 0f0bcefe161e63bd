import { evaluate } from '../../shared/followup';
import type { EventHook } from '../store/context';
import type { FollowUpConfig } from './config';
import { insertDrafts } from './insert';

/**
 * The event rules, run inside the transaction that stored the event (import or push): the tasks
 * commit with the event or not at all, so a crash never leaves an event without its follow-up.
 * It runs after the event's change was appended: on PostgreSQL that transaction then holds the
 * sequence counter's row lock until it commits, so hooks of concurrent transactions (any server
 * process) run one after another and each sees the tasks the previous one made — the one-open-task
 * and cool-down guards hold. Locking the customer row here instead would take a lock *after* the
 * counter and deadlock against a transaction holding that customer and waiting for the counter.
 */
export function followUpOnEvents(config: FollowUpConfig, log: (message: string) => void = console.error): EventHook {
  return async (q, teamId, event, at) => {
    const row = await q.getCustomer(event.customerId);
    if (!row) return;
    const existing = await q.listTasksOfCustomers([event.customerId]);
    let drafts;
    try {
      drafts = evaluate(config.rules, event, row.customer, existing, new Date(at).toISOString(), config.policy).create;
    } catch (error) {
      // A rule that cannot read an event must not block the agent's push or the import behind it.
      log(`follow-up rules failed on event ${event.id}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    await insertDrafts(q, teamId, drafts, at);
  };
}
