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
  /** Rule that created the task (shared/followup); absent on tasks made by hand or before rules. */
  ruleId: z.string().max(64).optional(),
  /** Team whose agents work this task; absent means any team. */
  team: z.string().max(64).optional(),
  /** Call script shown to the agent in the preview. */
  scriptId: z.string().max(64).optional(),
  /** Survey captured at wrap-up; null when the follow-up has no survey. */
  surveyId: z.string().max(64).nullable().optional(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;
