import { useTranslation } from 'react-i18next';
import { type CustomerSummary } from '../../../shared/domain';
import { openLabel } from '../../i18n/labels';
import { SEARCH_LIMIT } from '../../stores/search';
import { useSearch, useStores } from '../../stores/context';
import { usePhoneFormat } from '../common/usePhoneFormat';
import { Avatar } from '../customer/Avatar';
import styles from './search.module.css';

/** Several matches: a compact table; a click (or Enter on a row) opens the 360 view. */
export function SearchResults() {
  const { t, i18n } = useTranslation();
  const { openCustomer } = useStores();
  const phone = usePhoneFormat();
  const result = useSearch((s) => s.result);
  const submitted = useSearch((s) => s.submitted) ?? '';
  if (!result) return null;
  const reading =
    result.interpretedAs === 'phone' && result.e164 ? t('topbar.readAsPhone', { phone: phone.international(result.e164) }) : t('topbar.readAsName', { query: submitted });

  return (
    <div className={styles.results} data-testid="search-results">
      <div className={styles.resultsHeader}>
        <span className={styles.resultsCount}>{t('search.resultCount', { count: result.results.length })}</span>
        <span className={styles.resultsReading}>{reading}</span>
      </div>
      <div className={styles.table} role="table">
        <div className={styles.headRow} role="row">
          <span role="columnheader">{t('search.column.name')}</span>
          <span role="columnheader">{t('search.column.segment')}</span>
          <span role="columnheader">{t('search.column.city')}</span>
          <span role="columnheader">{t('search.column.phone')}</span>
        </div>
        {result.results.map((c) => (
          <ResultRow key={c.id} customer={c} segment={c.segment ? openLabel(i18n, 'customer.segment', c.segment) : '—'} phone={c.phone ? phone.display(c.phone) : '—'} onOpen={() => openCustomer(c.id)} />
        ))}
      </div>
      {result.results.length >= SEARCH_LIMIT && <p className={styles.limited}>{t('search.limited', { count: SEARCH_LIMIT })}</p>}
    </div>
  );
}

function ResultRow({ customer, segment, phone, onOpen }: { customer: CustomerSummary; segment: string; phone: string; onOpen: () => void }) {
  return (
    <div
      className={styles.row}
      role="row"
      tabIndex={0}
      data-testid="search-result"
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <span role="cell" className={styles.nameCell}>
        <Avatar name={customer.name} size={26} />
        <strong>{customer.name}</strong>
      </span>
      <span role="cell">{segment}</span>
      <span role="cell">{customer.city ?? '—'}</span>
      <span role="cell" className="num">
        {phone}
      </span>
    </div>
  );
}
