import { useTranslation } from 'react-i18next';
import { useCustomer, useStores } from '../../stores/context';
import { ProblemCard } from '../../ui/ProblemCard';
import { Skeleton } from '../../ui/Skeleton';
import { StateCard } from '../../ui/StateCard';
import { HistorySection } from '../history/HistorySection';
import { ProfileHeader } from './ProfileHeader';
import styles from './customer.module.css';

/** Everything about one customer: who they are on top, everything that happened below. */
export function Customer360View() {
  const { t } = useTranslation();
  const { customer } = useStores();
  const status = useCustomer((s) => s.status);
  const problem = useCustomer((s) => s.problem);

  switch (status) {
    case 'idle':
      return null;
    case 'loading':
      return <Skeleton rows={8} label={t('customer.loading')} />;
    case 'not_found':
      return (
        <StateCard icon="userMissing" tone="warn" title={t('customer.notFoundTitle')} testId="customer-not-found">
          {t('customer.notFoundHint')}
        </StateCard>
      );
    case 'error':
      return <ProblemCard title={t('customer.errorTitle')} problem={problem} onRetry={() => void customer.getState().retry()} testId="customer-error" />;
    case 'ready':
      return (
        <div className={styles.view} data-testid="customer-360">
          <ProfileHeader />
          <HistorySection />
        </div>
      );
  }
}
