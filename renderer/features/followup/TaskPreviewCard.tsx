import { useTranslation } from 'react-i18next';
import type { TaskPreview } from '../../../shared/api/followup';
import { localized } from '../../../shared/followup/survey';
import { openLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useSoftphone, useStores, useWork, useWrapUps } from '../../stores/context';
import { formatInZone } from '../../stores/zonedTime';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { useNow } from '../common/useNow';
import { usePhoneFormat } from '../common/usePhoneFormat';
import { HistoryRow } from '../history/HistoryRow';
import { WrapUpCard } from '../wrapup/WrapUpCard';
import { questionLabel } from '../wrapup/SurveyForm';
import { DialRefusalNote } from './DialRefusalNote';
import { RescheduleForm, SkipForm } from './PreviewForms';
import { ScriptView } from './ScriptView';
import styles from './followup.module.css';

/** Preview dialing: who, why, what to say, what to ask, and whether and when they may be called. */
export function TaskPreviewCard({ preview }: { preview: TaskPreview }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const phone = usePhoneFormat();
  const { work, softphone } = useStores();
  const now = useNow(1000);
  const countdown = useWork((s) => s.countdown);
  const dialing = useWork((s) => s.dialing);
  const callLineId = useWork((s) => s.callLineId);
  const refusal = useSoftphone((s) => s.dialRefusal);
  const line = useSoftphone((s) => (callLineId ? s.lines.find((l) => l.id === callLineId) : undefined));
  const wrap = useWrapUps((s) => s.items.find((w) => w.followUp?.taskId === preview.task.id && w.status !== 'saved') ?? null);
  const limit = useSoftphone((s) => s.policy.wrapUpLimitSec);
  const { task, customer, dial } = preview;
  const check = dial.check;
  const placed = callLineId !== null;
  const localNow = formatInZone(new Date(now).toISOString(), dial.zone, i18n.language, false);
  const secondsLeft = countdown ? Math.max(0, Math.ceil((countdown.endsAt - now) / 1000)) : 0;

  return (
    <div className={styles.preview} data-testid="task-preview" data-task-id={task.id} aria-label={t('work.preview.label')}>
      <header className={styles.previewHeader}>
        <div className={styles.who}>
          <h2 data-testid="preview-customer">{customer.name}</h2>
          <span className={styles.type}>{openLabel(i18n, 'followup.type', task.type)}</span>
          <Badge tone={task.priority <= 2 ? 'danger' : 'neutral'}>{t('work.preview.priority', { priority: task.priority })}</Badge>
          <span className={styles.muted}>{t('work.preview.attemptsLeft', { count: preview.attemptsLeft })}</span>
          <span className={styles.muted}>{t('work.preview.due', { time: fmt.dayTime(task.dueAt) })}</span>
        </div>
        <div className={styles.dialLine} data-testid="preview-dial" data-ok={check.ok}>
          <span className="num" data-testid="preview-number">
            {dial.number ? phone.display(dial.number) : t('work.preview.noNumber')}
          </span>
          <span className={styles.localTime} data-testid="preview-local-time">
            {t('work.preview.localTime', { time: localNow })} · {dial.zone}
          </span>
          {check.ok ? (
            <Badge tone="ok">{t('work.preview.mayCall')}</Badge>
          ) : (
            <span className={styles.notDialable} data-testid="preview-not-dialable" data-reason={check.reason}>
              <Badge tone="danger">{t(`work.notDialable.${check.reason}`)}</Badge>
              {check.nextAllowedAt && (
                <span data-testid="preview-next-allowed">
                  {t('work.preview.nextAllowed', { time: formatInZone(check.nextAllowedAt, dial.zone, i18n.language), agentTime: fmt.dayTime(check.nextAllowedAt) })}
                </span>
              )}
            </span>
          )}
        </div>
      </header>

      {countdown && (
        <div className={styles.countdown} data-testid="progressive-countdown" role="timer" aria-live="polite">
          <span>{t('work.preview.countdown', { count: secondsLeft })}</span>
          <Button variant="ghost" data-testid="progressive-stop" onClick={() => work.getState().cancelCountdown()}>
            {t('work.preview.stopCountdown')}
          </Button>
        </div>
      )}

      {!wrap && (
        <div className={styles.actions}>
          <Button variant="primary" icon="phone" data-testid="preview-call" disabled={!check.ok || placed || dialing} onClick={() => void work.getState().call()}>
            {t('work.call')} <Kbd>C</Kbd>
          </Button>
          <Button data-testid="preview-skip" disabled={placed} onClick={() => work.getState().openSkip()}>
            {t('work.skip')} <Kbd>S</Kbd>
          </Button>
          <Button data-testid="preview-reschedule" disabled={placed} onClick={() => work.getState().openReschedule()}>
            {t('work.reschedule')} <Kbd>R</Kbd>
          </Button>
          <Button variant="ghost" data-testid="work-next" disabled={placed} onClick={() => void work.getState().next()}>
            {t('work.next')} <Kbd>N</Kbd>
          </Button>
        </div>
      )}
      {placed && line && <p className={styles.muted} data-testid="preview-calling" data-state={line.state}>{t('work.preview.calling')}</p>}
      {refusal && !placed && <DialRefusalNote refusal={refusal} onDismiss={() => softphone.getState().clearDialRefusal()} />}
      <SkipForm />
      <RescheduleForm zone={dial.zone} />
      {wrap && <WrapUpCard wrap={wrap} limitSec={limit} />}

      <section className={styles.section} data-testid="preview-reason">
        <h3>{t('work.preview.reason')}</h3>
        <p className={styles.reasonText}>{task.reason}</p>
        {preview.reasonEvent ? (
          <div className={styles.reasonCard} data-testid="preview-reason-event" data-kind={preview.reasonEvent.kind}>
            <HistoryRow event={preview.reasonEvent} withDate />
          </div>
        ) : (
          <p className={styles.muted}>{t('work.preview.reasonNone')}</p>
        )}
      </section>

      <section className={styles.section}>
        <h3>{t('work.preview.script')}</h3>
        <ScriptView script={preview.script} />
      </section>

      <section className={styles.section} data-testid="preview-survey">
        <h3>{t('work.preview.survey')}</h3>
        {preview.survey ? (
          <>
            <div className={styles.surveyTitle}>{localized(preview.survey.title, i18n.language)}</div>
            <ol className={styles.questions}>
              {preview.survey.questions.map((q) => (
                <li key={q.id} data-kind={q.kind}>
                  {questionLabel(q, i18n.language, t)}
                  {q.required && <span className={styles.requiredTag}> · {t('work.preview.required')}</span>}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className={styles.muted}>{t('work.preview.noSurvey')}</p>
        )}
      </section>
    </div>
  );
}
