import type { TaskDraft } from '../../shared/followup';
import type { Queries } from '../db/queries';

/**
 * Stores the tasks the rules proposed. Ids are deterministic (rule, customer, trigger), so a task
 * that already exists — the same event imported twice, a sweep re-run, a concurrent writer that won
 * (PostgreSQL retries the transaction on its unique violation) — is left as it is.
 */
export async function insertDrafts(q: Queries, teamId: string, drafts: readonly TaskDraft[], at: number): Promise<number> {
  let created = 0;
  for (const task of drafts) {
    if (await q.getTask(task.id)) continue;
    await q.insertTask({ teamId, task, holder: null, leaseUntil: null, epoch: 0 });
    await q.appendChange({ domain: 'task', entityId: task.id, teamId, userId: null, prevUserId: null, at });
    created += 1;
  }
  return created;
}
