import type { HistoryEvent } from '../../shared/domain';
import { evaluate } from '../../shared/followup';
import { isEventTrigger } from '../../shared/followup/rules/match';
import type { EventHook } from '../store/context';
import type { FollowUpConfig } from './config';
import { insertDrafts } from './insert';

/**
 * The event rules, run inside the transaction that stored the event (import or push): the tasks
 * commit with the event or not at all, so a crash never leaves an event without its follow-up.
 * The customer row is locked (PostgreSQL: FOR UPDATE) before its tasks are read, so hooks of
 * concurrent transactions on the same customer (any server process) run one after another and each
 * sees the tasks the previous one made — the one-open-task and cool-down guards hold — while other
 * customers' events go on in parallel. The sequence counter is taken only at the very end of a
 * transaction (server/db/changes.ts), after every row lock, so this cannot deadlock against it.
 */
export function followUpOnEvents(config: FollowUpConfig, log: (message: string) => void = console.error): EventHook {
  // Only enabled event rules can create a task, and only for events of their kind (shared/followup evaluate).
  const kinds = new Set(config.rules.flatMap((r) => (r.enabled && isEventTrigger(r.trigger) ? [r.trigger.kind] : [])));
  const wants = (event: HistoryEvent) => kinds.has(event.kind);
  const hook: EventHook = async (q, teamId, event, at) => {
    if (!wants(event)) return;
    const row = await q.getCustomer(event.customerId, true);
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
  hook.wants = wants;
  return hook;
}
