import { useTranslation } from 'react-i18next';
import { HISTORY_KINDS } from '../../../shared/domain';
import { useCustomer, useStores } from '../../stores/context';
import { ProblemCard } from '../../ui/ProblemCard';
import { Skeleton } from '../../ui/Skeleton';
import { StateCard } from '../../ui/StateCard';
import { HistoryList } from './HistoryList';
import { KindFilter } from './KindFilter';
import styles from './history.module.css';

export function HistorySection() {
  const { t } = useTranslation();
  const { customer } = useStores();
  const customerId = useCustomer((s) => s.customerId);
  const status = useCustomer((s) => s.history);
  const problem = useCustomer((s) => s.historyProblem);
  const kinds = useCustomer((s) => s.kinds);
  const isEmpty = useCustomer((s) => s.events.length === 0);
  const counts = useCustomer((s) => s.profile?.counts);
  const shown = (kinds.length > 0 ? kinds : HISTORY_KINDS).reduce((sum, k) => sum + (counts?.[k] ?? 0), 0);

  let body;
  if (status === 'loading' || status === 'idle') body = <Skeleton rows={8} label={t('customer.loading')} />;
  else if (status === 'error') body = <ProblemCard title={t('history.errorTitle')} problem={problem} onRetry={() => void customer.getState().retryHistory()} testId="history-error" />;
  else if (isEmpty)
    body = (
      <StateCard icon="clock" title={t('history.emptyTitle')} testId="history-empty">
        {kinds.length > 0 ? t('history.emptyFiltered') : t('history.emptyHint')}
      </StateCard>
    );
  // Keyed by customer and filter: a new list starts at the top instead of inheriting the old scroll.
  else body = <HistoryList key={`${customerId}:${kinds.join(',')}`} />;

  return (
    <section className={styles.section} aria-label={t('history.title')}>
      <div className={styles.sectionHeader}>
        <h2 className={styles.sectionTitle}>
          {t('history.title')}
          <span className={`${styles.sectionCount} num`}>{t('history.eventCount', { count: shown })}</span>
        </h2>
        <KindFilter />
      </div>
      {body}
    </section>
  );
}
