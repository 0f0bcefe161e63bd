import { randomUUID } from 'node:crypto';
import type { FollowUpTask } from '../../shared/domain';
import type { HistoryBefore } from '../db/queries';
import { canSeeTask, canSeeTeam, type Actor } from './access';
import type { StoreContext } from './context';
import { StoreError } from './errors';
import { taskWithLease } from './views';

export interface NewTask {
  customerId: string;
  type: string;
  priority: number;
  dueAt: string;
  slaAt: string;
  reason: string;
  reasonEventId: string | null;
}

/** Reads for the REST API and supervisor task creation; every one checks the actor's team. */
export function readStore(ctx: StoreContext) {
  const { engine } = ctx;
  async function visibleCustomer(actor: Actor, id: string) {
    const row = await engine.read.getCustomer(id);
    if (!row) throw new StoreError('not_found', 'no such customer', 'customerId');
    if (!canSeeTeam(actor, row.teamId)) throw new StoreError('forbidden', 'this customer belongs to another team', 'customerId');
    return row;
  }
  return {
    async getCustomer(actor: Actor, id: string) {
      const row = await visibleCustomer(actor, id);
      return { customer: row.customer, phones: row.phones, teamId: row.teamId, clocks: row.clocks };
    },
    async history(actor: Actor, customerId: string, limit: number, before: HistoryBefore | null) {
      await visibleCustomer(actor, customerId);
      return engine.read.listHistory(customerId, limit, before);
    },
    async getTask(actor: Actor, id: string) {
      const row = await engine.read.getTask(id);
      if (!row) throw new StoreError('not_found', 'no such task', 'taskId');
      if (!canSeeTask(actor, row, ctx.now())) throw new StoreError('forbidden', 'this task belongs to someone else', 'taskId');
      return taskWithLease(row);
    },
    async createTask(actor: Actor, input: NewTask): Promise<FollowUpTask> {
      const customer = await visibleCustomer(actor, input.customerId);
      const task: FollowUpTask = {
        id: `task_${randomUUID()}`,
        ...input,
        status: 'queued',
        attempts: 0,
        assignedTo: null,
        createdAt: ctx.iso(),
      };
      await engine.tx(async (q) => {
        await q.insertTask({ teamId: customer.teamId, task, holder: null, leaseUntil: null, epoch: 0 });
        await q.appendChange({ domain: 'task', entityId: task.id, teamId: customer.teamId, userId: null, prevUserId: null, at: ctx.now() });
      });
      return task;
    },
  };
}
