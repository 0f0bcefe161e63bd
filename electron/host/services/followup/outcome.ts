import { ApiFailure, type FieldProblem, type ParsedInputOf } from '../../../../shared/api';
import type { SavedOutcome } from '../../../../shared/api/followup';
import type { FollowUpTask, HistoryEvent, HistoryEventOf } from '../../../../shared/domain';
import type { CallbackError, RetryDecision } from '../../../../shared/followup/retry';
import { toIso } from '../../../../shared/followup/time';
import type { Stores } from '../../db';
import type { FollowUpConfig } from './config';
import { answerProblems, feedbackEvent } from './feedback';

/** The history events and replies of a follow-up's outcome (skip, reschedule, wrap-up): pure helpers of service.ts. */

/** A decision as the event and the reply name it. */
export const DECISION = { close: 'closed', retry: 'retry', callback: 'callback' } as const;

/** The `followup` history event of an outcome, by the agent who made it. */
export function followupEvent(
  id: string,
  task: FollowUpTask,
  agentName: string,
  now: number,
  fields: Partial<HistoryEventOf<'followup'>['payload']> & { outcome: string; notes: string },
  summary: string,
): HistoryEventOf<'followup'> {
  return {
    id,
    customerId: task.customerId,
    occurredAt: toIso(now),
    kind: 'followup',
    summary: summary.slice(0, 300),
    payload: { taskId: task.id, type: task.type, agent: agentName.slice(0, 64), ...fields, notes: fields.notes === '' ? null : fields.notes },
  };
}

/** Where the task goes next, as the event records it. */
export const nextFields = (next: FollowUpTask) => ({ nextDueAt: next.dueAt, nextSlaAt: next.slaAt, assignedTo: next.assignedTo, attempts: next.attempts });

/** The sync op's result for a decision. */
export const opResult = (decision: RetryDecision['kind'] | 'skipped' | 'rescheduled') => (decision === 'close' ? 'done' : decision === 'skipped' ? 'skipped' : 'retry');

/** A saveId seen before: the first save stands; answer as it did (the reply may have been lost). */
export function replayOutcome(stores: Stores, eventId: string, feedbackId: string): SavedOutcome | null {
  const event = stores.history.byId(eventId);
  if (!event || event.kind !== 'followup') return null;
  const task = stores.tasks.byId(event.payload.taskId);
  if (!task) return null;
  const decision = event.payload.decision === 'closed' || event.payload.decision === 'callback' ? event.payload.decision : 'retry';
  const feedback = stores.history.byId(feedbackId);
  return { savedAt: event.occurredAt, task, decision, eventIds: feedback ? [event.id, feedback.id] : [event.id] };
}

/**
 * An inbound call's wrap-up with a survey (recordCall): checks the answers before anything is
 * written and returns the feedback event to store with the call.
 */
export function inboundFeedback(config: FollowUpConfig, input: ParsedInputOf<'recordCall'>): HistoryEvent | null {
  if (input.survey === null) return null;
  const survey = config.surveys.get(input.survey.surveyId);
  const problems: FieldProblem[] = [];
  if (!survey) problems.push({ field: 'survey.surveyId', message: `unknown survey "${input.survey.surveyId}"; one of ${[...config.surveys.keys()].join(', ')}` });
  if (input.customerId === null) problems.push({ field: 'customerId', message: 'a survey needs the customer it was taken with' });
  if (survey) problems.push(...answerProblems(survey, input.survey.answers, input.payload.answeredAt !== null, 'survey.'));
  if (problems.length > 0 || !survey || input.customerId === null) throw ApiFailure.fields('bad_request', problems);
  if (Object.keys(input.survey.answers).length === 0) return null;
  return feedbackEvent({ id: `fb-call-${input.callId}`, customerId: input.customerId, occurredAt: input.payload.endedAt ?? input.occurredAt, survey, answers: input.survey.answers, taskId: null });
}

/** A refused time, with the nearest acceptable one in the message so the form can offer it. */
export function callbackFailure(field: string, error: CallbackError, zone: string): ApiFailure {
  const reason = error.message.replace(/^at: /, '');
  const hint = error.suggestion === null ? '' : `; the nearest allowed time is ${error.suggestion} (${zone})`;
  return new ApiFailure('bad_request', `${field}: ${reason}${hint}`, field);
}

/** Names the managed do-not-call list in the zone fingerprint: its size and a cheap digest. */
export function managedKey(config: FollowUpConfig): string {
  if (config.dnc.numbers.size === 0) return ''; // as the seeder and tools record it: no list
  let h = 0;
  for (const n of [...config.dnc.numbers].sort()) for (let i = 0; i < n.length; i++) h = (Math.imul(h, 31) + n.charCodeAt(i)) | 0;
  return `${config.dnc.numbers.size}:${h}`;
}
