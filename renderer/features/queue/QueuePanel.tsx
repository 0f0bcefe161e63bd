import { useTranslation } from 'react-i18next';
import { useQueue, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { ShortcutHelpButton } from '../followup/ShortcutHelp';
import { Panel } from '../../ui/Panel';
import { ProblemCard } from '../../ui/ProblemCard';
import { Skeleton } from '../../ui/Skeleton';
import { StateCard } from '../../ui/StateCard';
import { QueueFilters } from './QueueFilters';
import { QueueList } from './QueueList';
import styles from './queue.module.css';

/** Follow-up tasks waiting for this console; a click opens the customer in the center. */
export function QueuePanel() {
  const { t } = useTranslation();
  const { queue, work } = useStores();
  const load = useQueue((s) => s.load);
  const total = useQueue((s) => s.total);
  const isEmpty = useQueue((s) => s.tasks.length === 0);
  const problem = useQueue((s) => s.problem);

  let body;
  if ((load === 'loading' || load === 'idle') && isEmpty) body = <Skeleton rows={6} label={t('queue.title')} />;
  else if (load === 'error' && isEmpty) body = <ProblemCard compact title={t('queue.errorTitle')} problem={problem} onRetry={() => void queue.getState().reload()} testId="queue-error" />;
  else if (isEmpty)
    body = (
      <StateCard compact icon="inbox" title={t('queue.emptyTitle')} testId="queue-empty">
        {t('queue.emptyHint')}
      </StateCard>
    );
  else body = <QueueList />;

  return (
    <Panel
      label={t('queue.title')}
      testId="queue-panel"
      title={t('queue.title')}
      actions={
        <>
          <span className={`${styles.total} num`}>{load === 'ready' || load === 'more' ? t('queue.total', { count: total }) : ''}</span>
          <ShortcutHelpButton />
        </>
      }
    >
      <div className={styles.work}>
        <Button variant="primary" icon="phone" data-testid="queue-next" aria-keyshortcuts="N" onClick={() => void work.getState().next()}>
          {t('work.next')} <Kbd>N</Kbd>
        </Button>
      </div>
      <QueueFilters />
      {body}
    </Panel>
  );
}
