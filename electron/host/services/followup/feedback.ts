import type { FieldProblem } from '../../../../shared/api/envelope';
import type { HistoryEventOf } from '../../../../shared/domain';
import { checkAnswers, type Survey, type SurveyAnswers } from '../../../../shared/followup/survey';

/**
 * Survey answers → a `feedback` history event: the standard scores in their own fields (reports
 * compare them across surveys), the first free-text answer as the comment, and every answer,
 * custom questions included, in `answers`.
 */
export function feedbackEvent(input: {
  id: string;
  customerId: string;
  occurredAt: string;
  survey: Survey;
  answers: SurveyAnswers;
  taskId: string | null;
}): HistoryEventOf<'feedback'> {
  const { survey, answers } = input;
  const first = (kind: Survey['questions'][number]['kind']) => {
    const q = survey.questions.find((question) => question.kind === kind && answers[question.id] !== undefined);
    return q === undefined ? undefined : answers[q.id];
  };
  const score = (kind: 'csat' | 'nps' | 'ces') => {
    const value = first(kind);
    return typeof value === 'number' ? value : null;
  };
  const text = first('text');
  const comment = typeof text === 'string' && text.trim() !== '' ? text : null;
  const parts = [
    ['CSAT', score('csat')],
    ['NPS', score('nps')],
    ['CES', score('ces')],
  ].filter(([, v]) => v !== null);
  return {
    id: input.id,
    customerId: input.customerId,
    occurredAt: input.occurredAt,
    kind: 'feedback',
    summary: `Survey ${survey.id}${parts.length > 0 ? ` · ${parts.map(([k, v]) => `${String(k)} ${String(v)}`).join(' · ')}` : ''}`.slice(0, 300),
    payload: {
      channel: 'call',
      csat: score('csat'),
      nps: score('nps'),
      ces: score('ces'),
      comment,
      surveyId: survey.id,
      answers,
      ...(input.taskId !== null ? { taskId: input.taskId } : {}),
    },
  };
}

/**
 * Checks answers against the survey. Required questions are required only of a call that reached
 * the customer (nobody can answer an unanswered call); what was given is always checked.
 * Fields are prefixed for the form, e.g. "answers.csat" or "survey.answers.csat".
 */
export function answerProblems(survey: Survey, answers: SurveyAnswers, reached: boolean, prefix = ''): FieldProblem[] {
  const asked = reached ? survey : { ...survey, questions: survey.questions.map((q) => ({ ...q, required: false })) };
  return checkAnswers(asked, answers).map((p) => ({ field: `${prefix}${p.field}`, message: p.message }));
}
