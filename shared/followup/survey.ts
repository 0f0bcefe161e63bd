import { z } from 'zod';
import { loadWith, parseWith, type ParseResult } from './config-error';

/**
 * Surveys captured at wrap-up. The three standard scores (CSAT 1–5, NPS 0–10, CES 1–7) have fixed
 * scales so reports can compare them across types; anything else is a custom question with its own
 * wording per language. A survey is data (managed configuration), not code.
 */

/** Wording per language: the console shows its own language, else the first one given. */
export const LocalizedText = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'language tags such as "en" or "zh-CN"'), z.string().min(1).max(500))
  .refine((texts) => Object.keys(texts).length > 0, 'give the text in at least one language');
export type LocalizedText = z.infer<typeof LocalizedText>;

const QuestionId = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a slug of a-z, 0-9 and _ (at most 32)');

const common = {
  id: QuestionId,
  required: z.boolean().default(false),
  /** Overrides the standard wording of csat/nps/ces; required for custom kinds. */
  label: LocalizedText.optional(),
};

export const SurveyQuestion = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('csat') }),
  z.strictObject({ ...common, kind: z.literal('nps') }),
  z.strictObject({ ...common, kind: z.literal('ces') }),
  z.strictObject({ ...common, kind: z.literal('text'), label: LocalizedText, maxLength: z.number().int().min(1).max(4000).default(1000) }),
  z.strictObject({ ...common, kind: z.literal('yes_no'), label: LocalizedText }),
  z.strictObject({
    ...common,
    kind: z.literal('choice'),
    label: LocalizedText,
    options: z.array(z.strictObject({ value: QuestionId, label: LocalizedText })).min(2).max(20),
  }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** The scale of each standard score: what the form offers and what the host accepts. */
export const SCORE_SCALES = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 }, ces: { min: 1, max: 7 } } as const;

export const Survey = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a slug of a-z, 0-9, _ and - (at most 64)'),
    title: LocalizedText,
    questions: z.array(SurveyQuestion).min(1).max(30),
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
    });
  });
export type Survey = z.infer<typeof Survey>;
export const parseSurvey = (input: unknown): ParseResult<Survey> => parseWith(Survey, input);
export const loadSurvey = (input: unknown): Survey => loadWith(Survey, input, 'survey');

/** One answer per question id: a score, free text, yes/no or a choice value. Absent = not asked or skipped. */
export const SurveyAnswers = z.record(QuestionId, z.union([z.number().int(), z.string().max(4000), z.boolean()]));
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export interface AnswerProblem {
  /** "answers.<questionId>" so the form can put the message under the right question. */
  field: string;
  message: string;
}

/**
 * Checks answers against a survey: required questions answered, scores on their scale, choices
 * among the options, no answers to questions the survey does not have. Returns every problem.
 */
export function checkAnswers(survey: Survey, answers: SurveyAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) problems.push({ field: `answers.${id}`, message: `survey ${survey.id} has no question "${id}"` });
  }
  for (const q of survey.questions) {
    const field = `answers.${q.id}`;
    const value = answers[q.id];
    const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (q.required) problems.push({ field, message: 'required' });
      continue;
    }
    switch (q.kind) {
      case 'csat':
      case 'nps':
      case 'ces': {
        const { min, max } = SCORE_SCALES[q.kind];
        if (typeof value !== 'number' || value < min || value > max) problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
        break;
      }
      case 'text':
        if (typeof value !== 'string') problems.push({ field, message: 'must be text' });
        else if (value.length > q.maxLength) problems.push({ field, message: `at most ${q.maxLength} characters` });
        break;
      case 'yes_no':
        if (typeof value !== 'boolean') problems.push({ field, message: 'must be yes or no' });
        break;
      case 'choice':
        if (typeof value !== 'string' || !q.options.some((o) => o.value === value)) problems.push({ field, message: `must be one of ${q.options.map((o) => o.value).join(', ')}` });
        break;
    }
  }
  return problems;
}

/** Picks the text for a language: exact tag, then its base language, then the first one given. */
export function localized(text: LocalizedText, language: string): string {
  const base = language.split('-')[0] ?? language;
  return text[language] ?? Object.entries(text).find(([tag]) => tag.split('-')[0] === base)?.[1] ?? Object.values(text)[0] ?? '';
}
