import { useTranslation } from 'react-i18next';
import { localized } from '../../../shared/followup/survey';
import { openLabel } from '../../i18n/labels';
import { durationSec } from '../../softphone/lines';
import { useStores, useWork } from '../../stores/context';
import { callbackAsked, dispositionsFor, surveyAsked, surveyOf, type WrapUp, type WrapUpPatch } from '../../stores/wrapup';
import { formatInZone } from '../../stores/zonedTime';
import { Button } from '../../ui/Button';
import { useNow } from '../common/useNow';
import { formatClock } from '../softphone/clock';
import { FieldMessage } from './FieldMessage';
import { SurveyForm } from './SurveyForm';
import styles from './wrapup.module.css';

/**
 * After-call work, the same for every call: outcome, notes, survey answers, tags, next action and,
 * for a follow-up the customer wants called back, the time they chose. Saved durably by the host
 * before it says "saved"; a failed save keeps everything typed.
 */
export function WrapUpCard({ wrap, limitSec }: { wrap: WrapUp; limitSec: number }) {
  const { t, i18n } = useTranslation();
  const { wrapups, softphone } = useStores();
  const settings = useWork((s) => s.settings);
  const now = useNow(1000);
  const { line } = wrap;
  const who = line.remoteName ?? line.remote;
  const editable = wrap.status === 'editing' || wrap.status === 'error';
  const elapsed = Math.floor((now - (line.endedAt ?? now)) / 1000);
  const remaining = limitSec - elapsed;
  const survey = surveyOf(wrap, settings);
  const asked = surveyAsked(wrap, settings);
  const edit = (patch: WrapUpPatch) => wrapups.getState().edit(wrap.id, patch);
  const zone = wrap.followUp?.zone ?? null;
  const hasErrors = Object.keys(wrap.fieldErrors).length > 0;

  return (
    <section className={styles.card} data-testid="wrap-up" data-line-id={line.id} data-status={wrap.status} data-task-id={wrap.followUp?.taskId} aria-label={t('wrapup.title')}>
      <header className={styles.header}>
        <strong>{t('wrapup.title')}</strong>
        {editable && limitSec > 0 && (
          <span className={styles.timer} data-testid="wrap-up-timer" data-over={remaining < 0 || undefined}>
            {remaining >= 0 ? t('wrapup.remaining', { s: remaining }) : t('work.wrapup.overtime', { s: -remaining })}
          </span>
        )}
      </header>
      <div className={styles.meta}>
        {line.answeredAt === null ? t('wrapup.missed', { who }) : t('wrapup.callWith', { who, duration: formatClock(durationSec(line, now) * 1000) })}
        {wrap.followUp && <span className={styles.followUpType}>{t('work.wrapup.followUp', { type: openLabel(i18n, 'followup.type', wrap.followUp.type) })}</span>}
      </div>

      <label className={styles.field}>
        <span>{t('wrapup.disposition')}</span>
        <select data-testid="wrap-up-disposition" value={wrap.disposition} disabled={!editable} aria-invalid={!!wrap.fieldErrors['disposition']} onChange={(e) => edit({ disposition: e.target.value })}>
          <option value="">{t('wrapup.choose')}</option>
          {dispositionsFor(wrap, settings).map(({ id, disposition }) => (
            <option key={id} value={id}>
              {disposition ? localized(disposition.label, i18n.language) : openLabel(i18n, 'call.disposition', id)}
            </option>
          ))}
        </select>
        <FieldMessage error={wrap.fieldErrors['disposition']} testId="wrap-up-disposition-error" />
      </label>

      {zone && callbackAsked(wrap, settings) && (
        <label className={styles.field}>
          <span>{t('work.wrapup.callbackAt', { zone })}</span>
          <input type="datetime-local" data-testid="wrap-up-callback-at" value={wrap.callbackAt} disabled={!editable} aria-invalid={!!wrap.fieldErrors['callbackAt']} onChange={(e) => edit({ callbackAt: e.target.value })} />
          <FieldMessage error={wrap.fieldErrors['callbackAt']} testId="wrap-up-callback-error" />
          {wrap.callbackSuggestion && (
            <Button variant="ghost" data-testid="wrap-up-callback-suggestion" onClick={() => wrapups.getState().useCallbackSuggestion(wrap.id)}>
              {t('work.wrapup.useSuggestion', { time: formatInZone(wrap.callbackSuggestion, zone, i18n.language) })}
            </Button>
          )}
        </label>
      )}

      {!wrap.followUp && (settings?.surveys.length ?? 0) > 0 && (
        <label className={styles.field}>
          <span>{t('work.wrapup.survey')}</span>
          <select data-testid="wrap-up-add-survey" value={wrap.surveyId ?? ''} disabled={!editable} onChange={(e) => wrapups.getState().chooseSurvey(wrap.id, e.target.value || null)}>
            <option value="">{t('work.wrapup.noSurvey')}</option>
            {settings?.surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {localized(s.title, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      )}
      {survey && asked && (
        <SurveyForm survey={survey} answers={wrap.answers} errors={wrap.fieldErrors} disabled={!editable} onAnswer={(q, v) => wrapups.getState().answer(wrap.id, q, v)} />
      )}
      {survey && !asked && wrap.followUp && <p className={styles.hint}>{t('work.wrapup.surveySkipped')}</p>}

      <label className={styles.field}>
        <span>{t('wrapup.notes')}</span>
        <textarea data-testid="wrap-up-notes" rows={3} value={wrap.notes} disabled={!editable} onChange={(e) => edit({ notes: e.target.value })} />
        <FieldMessage error={wrap.fieldErrors['notes']} />
      </label>
      <label className={styles.field}>
        <span>
          {t('work.wrapup.tags')} <small>({t('work.wrapup.tagsHint')})</small>
        </span>
        <input data-testid="wrap-up-tags" value={wrap.tagsText} disabled={!editable} onChange={(e) => edit({ tagsText: e.target.value })} />
        <FieldMessage error={wrap.fieldErrors['tags']} />
      </label>
      <label className={styles.field}>
        <span>{t('work.wrapup.nextAction')}</span>
        <input data-testid="wrap-up-next-action" maxLength={300} value={wrap.nextAction} disabled={!editable} onChange={(e) => edit({ nextAction: e.target.value })} />
        <FieldMessage error={wrap.fieldErrors['nextAction']} />
      </label>

      {hasErrors && <p className={styles.error}>{t('work.wrapup.fixFields')}</p>}
      {wrap.problem && (
        <p className={styles.error} data-testid="wrap-up-problem">
          {wrap.problem.message}
        </p>
      )}
      <div className={styles.actions}>
        {wrap.status === 'saved' ? (
          <span className={styles.saved} data-testid="wrap-up-saved">
            {t('wrapup.saved')}
          </span>
        ) : (
          <Button variant="primary" data-testid="wrap-up-save" disabled={wrap.status === 'saving'} title="Ctrl+Enter" onClick={() => void wrapups.getState().save(wrap.id)}>
            {wrap.status === 'saving' ? t('wrapup.saving') : t('wrapup.save')}
          </Button>
        )}
        {!wrap.followUp && line.remote && (
          <Button
            variant="ghost"
            icon="phone"
            data-testid={line.direction === 'inbound' ? 'wrap-up-call-back' : 'wrap-up-redial'}
            onClick={() => void softphone.getState().dial(line.remote, { customerId: wrap.customerId })}
          >
            {line.direction === 'inbound' ? t('work.dial.callBack') : t('work.dial.redial')}
          </Button>
        )}
      </div>
    </section>
  );
}
