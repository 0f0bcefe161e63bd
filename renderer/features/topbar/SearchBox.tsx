import { type FormEvent, useEffect, useRef } from 'react';
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
  const inputRef = useRef<HTMLInputElement>(null);

  // "/" focuses the search from anywhere (as in most web consoles), unless the agent is typing elsewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

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
          ref={inputRef}
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

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
