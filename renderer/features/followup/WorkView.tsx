import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { useStores, useWork, useWrapUps } from '../../stores/context';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { ProblemCard } from '../../ui/ProblemCard';
import { Skeleton } from '../../ui/Skeleton';
import { StateCard } from '../../ui/StateCard';
import { Customer360View } from '../customer/Customer360View';
import { WrapUpCard } from '../wrapup/WrapUpCard';
import { TaskPreviewCard } from './TaskPreviewCard';
import styles from './followup.module.css';

/** The center while working follow-ups: the preview (or what just happened) on top, the customer's 360 below. */
export function WorkView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { work, softphone } = useStores();
  const view = useWork((s) => s.view);
  const preview = useWork((s) => s.preview);
  const problem = useWork((s) => s.problem);
  const nextAt = useWork((s) => s.nextAt);
  const offlineMessage = useWork((s) => s.offlineMessage);
  const finished = useWork((s) => s.finished);
  // A follow-up wrap-up whose preview is gone (another task opened meanwhile) is still worked here.
  const orphan = useWrapUps((s) => s.items.find((w) => w.followUp && w.status !== 'saved' && w.followUp.taskId !== preview?.task.id) ?? null);
  const limit = softphone.getState().policy.wrapUpLimitSec;
  const next = (
    <Button variant="primary" data-testid="work-next" onClick={() => void work.getState().next()}>
      {t('work.next')} <Kbd>N</Kbd>
    </Button>
  );

  let top;
  switch (view) {
    case 'idle':
      top = (
        <StateCard icon="followup" title={t('work.idle.title')} action={next} testId="work-idle">
          {t('work.idle.hint')}
        </StateCard>
      );
      break;
    case 'loading':
      top = <Skeleton rows={4} label={t('work.loading')} />;
      break;
    case 'empty':
      top = (
        <StateCard icon="inbox" title={t('work.empty.title')} action={next} testId="work-empty">
          {nextAt ? t('work.empty.nextAt', { time: fmt.dateTime(nextAt) }) : t('work.empty.none')}
        </StateCard>
      );
      break;
    case 'offline':
      top = (
        <StateCard icon="alert" tone="warn" title={t('work.offline.title')} action={next} testId="work-offline">
          {offlineMessage}
        </StateCard>
      );
      break;
    case 'error':
      top = <ProblemCard title={t('work.error.title')} problem={problem} onRetry={() => void work.getState().next()} testId="work-error" />;
      break;
    case 'done':
      top = finished ? (
        <StateCard icon="followup" title={doneTitle()} action={next} testId="work-done">
          <span data-testid="work-done-decision" data-decision={finished.decision ?? finished.how}>
            {finished.decision === 'closed' && t('work.done.closed')}
            {finished.decision === 'retry' && t('work.done.retry', { time: fmt.dateTime(finished.task.dueAt) })}
            {finished.decision === 'callback' && t('work.done.callback', { time: fmt.dateTime(finished.task.dueAt) })}{' '}
            {t('work.done.nextHint')}
          </span>
        </StateCard>
      ) : null;
      break;
    case 'preview':
      top = preview ? <TaskPreviewCard preview={preview} /> : null;
      break;
  }

  return (
    <div className={styles.work} data-testid="work-view" data-view={view}>
      <div className={styles.workTop}>
        {orphan && <WrapUpCard wrap={orphan} limitSec={limit} />}
        {top}
      </div>
      {(view === 'preview' || view === 'done') && (
        <div className={styles.workCustomer}>
          <Customer360View />
        </div>
      )}
    </div>
  );

  function doneTitle(): string {
    if (!finished) return '';
    const name = finished.customerName;
    if (finished.how === 'skipped') return t('work.done.skipped', { name });
    if (finished.how === 'rescheduled') return t('work.done.rescheduled', { name, time: fmt.dateTime(finished.task.dueAt) });
    return t('work.done.saved', { name });
  }
}
