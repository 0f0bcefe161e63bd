import { useTranslation } from 'react-i18next';
import { useCustomer, useStores } from '../../stores/context';
import { problemText } from '../../ui/ProblemCard';
import { Button } from '../../ui/Button';
import styles from './history.module.css';

/** The last row of the list: loading the next page, its failure with a retry, or the start of history. */
export function HistoryFooter() {
  const { t } = useTranslation();
  const { customer } = useStores();
  const status = useCustomer((s) => s.history);
  const hasMore = useCustomer((s) => s.nextCursor !== null);
  const problem = useCustomer((s) => s.historyProblem);

  if (status === 'more_error') {
    return (
      <div className={styles.footer} data-state="error" role="alert">
        <span>
          {t('history.moreError')} {problemText(t, problem)}
        </span>
        <Button icon="retry" onClick={() => void customer.getState().retryHistory()}>
          {t('problem.retry')}
        </Button>
      </div>
    );
  }
  if (hasMore) {
    return (
      <div className={styles.footer} data-state="loading" data-testid="history-loading-more">
        <span className={styles.spinner} aria-hidden="true" />
        {t('history.loadingMore')}
      </div>
    );
  }
  return (
    <div className={styles.footer} data-state="end" data-testid="history-end">
      {t('history.end')}
    </div>
  );
}
