import { z } from 'zod';
import { CustomerId, EventId, Instant, TaskId } from './ids';

export const TaskStatus = z.enum(['queued', 'leased', 'done', 'skipped', 'expired']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const FollowUpTask = z.object({
  id: TaskId,
  customerId: CustomerId,
  /** Follow-up type, e.g. "satisfaction_survey", "complaint_care", "reactivation". */
  type: z.string().min(1).max(64),
  status: TaskStatus,
  /** 1 (highest) … 5 (lowest). */
  priority: z.number().int().min(1).max(5),
  dueAt: Instant,
  /** After this the task has missed its SLA. */
  slaAt: Instant,
  reasonEventId: EventId.nullable(),
  reason: z.string().max(300),
  attempts: z.number().int().min(0),
  assignedTo: z.string().max(64).nullable(),
  createdAt: Instant,
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;
