import { useTranslation } from 'react-i18next';
import { localized, SCORE_SCALES, type Survey, type SurveyAnswers, type SurveyQuestion } from '../../../shared/followup/survey';
import type { FieldError } from '../../stores/wrapup';
import { FieldMessage } from './FieldMessage';
import styles from './wrapup.module.css';

/**
 * The survey's questions as the agent asks them: standard scores as button scales (CSAT 1–5,
 * NPS 0–10, CES 1–7), yes/no, choices and free text; custom wording in the UI language.
 */
export function SurveyForm(props: {
  survey: Survey;
  answers: SurveyAnswers;
  errors: Record<string, FieldError>;
  disabled: boolean;
  onAnswer: (questionId: string, value: number | string | boolean | undefined) => void;
}) {
  const { survey, answers, errors, disabled, onAnswer } = props;
  const { i18n } = useTranslation();
  return (
    <fieldset className={styles.survey} data-testid="wrap-up-survey" data-survey-id={survey.id} disabled={disabled}>
      <legend>{localized(survey.title, i18n.language)}</legend>
      {survey.questions.map((q) => (
        <Question key={q.id} question={q} value={answers[q.id]} error={errors[`answers.${q.id}`]} onAnswer={(v) => onAnswer(q.id, v)} />
      ))}
    </fieldset>
  );
}

function Question({ question: q, value, error, onAnswer }: { question: SurveyQuestion; value: SurveyAnswers[string] | undefined; error: FieldError | undefined; onAnswer: (v: number | string | boolean | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const label = questionLabel(q, i18n.language, t);
  const labelId = `q-${q.id}`;
  return (
    <div className={styles.question} data-testid={`survey-q-${q.id}`} data-kind={q.kind} data-invalid={error ? true : undefined}>
      <span id={labelId} className={styles.questionLabel}>
        {label}
        {q.required && <span className={styles.required}> *</span>}
      </span>
      {(q.kind === 'csat' || q.kind === 'nps' || q.kind === 'ces') && (
        <>
          <div className={styles.scale} role="radiogroup" aria-labelledby={labelId}>
            {range(SCORE_SCALES[q.kind].min, SCORE_SCALES[q.kind].max).map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={value === n}
                className={styles.scaleButton}
                data-testid={`survey-${q.id}-${n}`}
                onClick={() => onAnswer(value === n ? undefined : n)}
              >
                {n}
              </button>
            ))}
          </div>
          <span className={styles.scaleEnds}>{t(`work.wrapup.scaleEnds.${q.kind}`)}</span>
        </>
      )}
      {q.kind === 'yes_no' && (
        <div className={styles.scale} role="radiogroup" aria-labelledby={labelId}>
          {[true, false].map((b) => (
            <button key={String(b)} type="button" role="radio" aria-checked={value === b} className={styles.choice} data-testid={`survey-${q.id}-${b ? 'yes' : 'no'}`} onClick={() => onAnswer(value === b ? undefined : b)}>
              {b ? t('work.wrapup.yes') : t('work.wrapup.no')}
            </button>
          ))}
        </div>
      )}
      {q.kind === 'choice' && (
        <div className={styles.scale} role="radiogroup" aria-labelledby={labelId}>
          {q.options.map((o) => (
            <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className={styles.choice} data-testid={`survey-${q.id}-${o.value}`} onClick={() => onAnswer(value === o.value ? undefined : o.value)}>
              {localized(o.label, i18n.language)}
            </button>
          ))}
        </div>
      )}
      {q.kind === 'text' && (
        <textarea
          aria-labelledby={labelId}
          rows={2}
          maxLength={q.maxLength}
          data-testid={`survey-${q.id}-text`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onAnswer(e.target.value === '' ? undefined : e.target.value)}
        />
      )}
      <FieldMessage error={error} testId={`survey-${q.id}-error`} />
    </div>
  );
}

export function questionLabel(q: SurveyQuestion, language: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (q.label) return localized(q.label, language);
  if (q.kind === 'csat' || q.kind === 'nps' || q.kind === 'ces') return t(`work.wrapup.scale.${q.kind}`);
  return q.id;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
