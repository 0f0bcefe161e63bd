import type { ParsedInputOf, QueueList } from '../../../shared/api';
import type { TaskReader } from '../db';

/** The follow-up queue as a list: filtered by status and/or type, in queue order, with a total. */
export function queueList(tasks: TaskReader, input: ParsedInputOf<'queueList'>): QueueList {
  return tasks.list({ status: input.status, type: input.type, limit: input.limit, offset: input.offset });
}
