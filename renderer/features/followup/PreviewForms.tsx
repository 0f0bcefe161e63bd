import { useTranslation } from 'react-i18next';
import { SkipReason } from '../../../shared/api/followup';
import { useStores, useWork } from '../../stores/context';
import { formatInZone } from '../../stores/zonedTime';
import { Button } from '../../ui/Button';
import styles from './followup.module.css';

/** Skip with a reason (and an optional note). */
export function SkipForm() {
  const { t } = useTranslation();
  const { work } = useStores();
  const skip = useWork((s) => s.skip);
  if (!skip.open) return null;
  return (
    <form
      className={styles.form}
      data-testid="skip-form"
      onSubmit={(e) => {
        e.preventDefault();
        void work.getState().confirmSkip();
      }}
    >
      <strong>{t('work.skipForm.title')}</strong>
      <label className={styles.field}>
        <span>{t('work.skipForm.reason')}</span>
        <select
          autoFocus
          data-testid="skip-reason"
          value={skip.reason ?? ''}
          aria-invalid={!!skip.problem}
          onChange={(e) => {
            const parsed = SkipReason.safeParse(e.target.value);
            work.getState().editSkip({ reason: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t('work.skipForm.choose')}</option>
          {SkipReason.options.map((r) => (
            <option key={r} value={r}>
              {t(`work.skipForm.reasons.${r}`)}
            </option>
          ))}
        </select>
        {skip.problem && (
          <span className={styles.fieldError} role="alert" data-testid="skip-error">
            {skip.problem.message === 'reason' ? t('work.skipForm.reasonRequired') : skip.problem.message}
          </span>
        )}
      </label>
      <label className={styles.field}>
        <span>{t('work.skipForm.note')}</span>
        <input data-testid="skip-note" maxLength={500} value={skip.note} onChange={(e) => work.getState().editSkip({ note: e.target.value })} />
      </label>
      <FormActions testId="skip-confirm" confirm={t('work.skipForm.confirm')} saving={skip.saving} />
    </form>
  );
}

/** Reschedule to a time typed on the customer's clock; the host's refusal and suggestion sit at the field. */
export function RescheduleForm({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const { work } = useStores();
  const form = useWork((s) => s.reschedule);
  if (!form.open) return null;
  const error = form.error;
  return (
    <form
      className={styles.form}
      data-testid="reschedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        void work.getState().confirmReschedule();
      }}
    >
      <strong>{t('work.rescheduleForm.title')}</strong>
      <label className={styles.field}>
        <span>{t('work.rescheduleForm.at', { zone })}</span>
        <input
          autoFocus
          type="datetime-local"
          data-testid="reschedule-at"
          value={form.at}
          aria-invalid={!!error}
          onChange={(e) => work.getState().editReschedule({ at: e.target.value })}
        />
        {error && (
          <span className={styles.fieldError} role="alert" data-testid="reschedule-error">
            {error.code === 'required' ? t('work.rescheduleForm.required') : error.code === 'invalid' ? t('work.rescheduleForm.invalid') : error.message}
          </span>
        )}
        {error?.suggestion && (
          <Button variant="ghost" data-testid="reschedule-suggestion" onClick={() => work.getState().useRescheduleSuggestion()}>
            {t('work.rescheduleForm.useSuggestion', { time: formatInZone(error.suggestion, zone, i18n.language) })}
          </Button>
        )}
      </label>
      <label className={styles.field}>
        <span>{t('work.rescheduleForm.note')}</span>
        <input data-testid="reschedule-note" maxLength={500} value={form.note} onChange={(e) => work.getState().editReschedule({ note: e.target.value })} />
      </label>
      <FormActions testId="reschedule-confirm" confirm={t('work.rescheduleForm.confirm')} saving={form.saving} />
    </form>
  );
}

/** Confirm (submits the form) and cancel (closes every preview form): the same row under each form. */
function FormActions({ testId, confirm, saving }: { testId: string; confirm: string; saving: boolean }) {
  const { t } = useTranslation();
  const { work } = useStores();
  return (
    <div className={styles.formActions}>
      <Button variant="primary" type="submit" data-testid={testId} disabled={saving}>
        {confirm}
      </Button>
      <Button variant="ghost" onClick={() => work.getState().closeForms()}>
        {t('work.cancel')}
      </Button>
    </div>
  );
}
