import type { ParsedInputOf, QueueList } from '../../../shared/api';
import type { TaskReader } from '../db';

/** The follow-up queue as a list: filtered by status (or held by this agent) and/or type, in queue order, with a total. */
export function queueList(tasks: TaskReader, input: ParsedInputOf<'queueList'>, agentId: () => string): QueueList {
  return tasks.list({ status: input.status, type: input.type, heldBy: input.held ? agentId() : undefined, limit: input.limit, offset: input.offset });
}
