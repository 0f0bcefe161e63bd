import { decideClaim, type ClaimResponse } from '../../shared/sync';
import { canSeeTeam, type Actor } from './access';
import type { StoreContext } from './context';
import { StoreError } from './errors';
import { leaseView } from './views';

/**
 * Claims run in one transaction on the row-locked task (FOR UPDATE on PostgreSQL, the single writer
 * on SQLite), so of any number of concurrent claims exactly one sees the task free.
 */
export function claimStore(ctx: StoreContext) {
  return {
    claim(actor: Actor, taskId: string): Promise<ClaimResponse> {
      return ctx.engine.tx(async (q) => {
        const row = await q.getTask(taskId, true);
        if (!row) throw new StoreError('not_found', 'no such task', 'taskId');
        if (!canSeeTeam(actor, row.teamId)) throw new StoreError('forbidden', 'this task belongs to another team', 'taskId');
        if (row.task.status !== 'queued' && row.task.status !== 'leased') {
          throw new StoreError('conflict', `task is ${row.task.status}`, 'taskId');
        }
        const now = ctx.now();
        const d = decideClaim(row, actor.userId, now, ctx.leaseMs);
        if (!d.granted) return { granted: false, taskId, holder: d.holder, leaseUntil: ctx.iso(d.leaseUntil) };
        const next = { ...row, ...d.lease, task: { ...row.task, status: 'leased' as const, assignedTo: actor.userId } };
        await q.updateTask(next);
        await q.appendChange({ domain: 'task', entityId: taskId, teamId: row.teamId, userId: actor.userId, prevUserId: row.holder, at: now });
        return { granted: true, taskId, lease: leaseView(next), renewed: d.renewed };
      });
    },
    /** Gives a task back to the queue; only its holder can, and only under the lease it holds. */
    release(actor: Actor, taskId: string, epoch: number): Promise<void> {
      return ctx.engine.tx(async (q) => {
        const row = await q.getTask(taskId, true);
        if (!row) throw new StoreError('not_found', 'no such task', 'taskId');
        if (!canSeeTeam(actor, row.teamId)) throw new StoreError('forbidden', 'this task belongs to another team', 'taskId');
        if (row.holder !== actor.userId || row.epoch !== epoch || row.task.status !== 'leased') {
          throw new StoreError('conflict', 'you do not hold this task', 'leaseEpoch');
        }
        await q.updateTask({ ...row, holder: null, leaseUntil: null, task: { ...row.task, status: 'queued', assignedTo: null } });
        await q.appendChange({ domain: 'task', entityId: taskId, teamId: row.teamId, userId: null, prevUserId: actor.userId, at: ctx.now() });
      });
    },
  };
}
