import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores, useSearch } from '../../stores/context';
import { Icon } from '../../ui/Icon';
import { QueryReading } from './QueryReading';
import styles from './topbar.module.css';

/** One box for numbers and names; Enter searches. The host decides how to read the query. */
export function SearchBox() {
  const { t } = useTranslation();
  const { search } = useStores();
  const query = useSearch((s) => s.query);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void search.getState().submit();
  };

  return (
    <form className={styles.search} role="search" onSubmit={onSubmit}>
      <label className={styles.searchField}>
        <span className="sr-only">{t('topbar.searchLabel')}</span>
        <Icon name="search" size={15} className={styles.searchIcon} />
        <input
          data-testid="search-input"
          type="search"
          value={query}
          placeholder={t('topbar.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          onChange={(e) => search.getState().setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') search.getState().clear();
          }}
        />
        {query !== '' && (
          <button type="button" className={styles.clear} aria-label={t('topbar.searchClear')} title={t('topbar.searchClear')} onClick={() => search.getState().clear()}>
            <Icon name="close" size={13} />
          </button>
        )}
      </label>
      <QueryReading />
    </form>
  );
}
