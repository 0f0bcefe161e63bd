import { useTranslation } from 'react-i18next';
import { searchView } from '../../stores/search';
import { useSearch, useStores } from '../../stores/context';
import { ProblemCard } from '../../ui/ProblemCard';
import { Skeleton } from '../../ui/Skeleton';
import { InvalidNumber } from './InvalidNumber';
import { NoCustomer } from './NoCustomer';
import { SearchHint } from './SearchHint';
import { SearchResults } from './SearchResults';
import styles from './search.module.css';

/** The center of the console while searching: exactly one of hint, loading, results, no match, error. */
export function SearchOutcome() {
  const { t } = useTranslation();
  const { search } = useStores();
  const view = useSearch(searchView);
  const problem = useSearch((s) => s.problem);

  return (
    <div className={styles.outcome} data-view={view}>
      {view === 'hint' && <SearchHint />}
      {view === 'loading' && <Skeleton rows={4} label={t('search.loading')} />}
      {view === 'results' && <SearchResults />}
      {view === 'no_customer' && <NoCustomer />}
      {view === 'invalid_number' && <InvalidNumber />}
      {view === 'error' && <ProblemCard title={t('search.errorTitle')} problem={problem} onRetry={() => void search.getState().retry()} testId="search-error" />}
    </div>
  );
}
