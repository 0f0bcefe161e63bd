import { useTranslation } from 'react-i18next';
import { SyncStatus } from '../sync/SyncStatus';
import { HostStatus } from './HostStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { SearchBox } from './SearchBox';
import styles from './topbar.module.css';

export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <span className={styles.mark} aria-hidden="true">
          回
        </span>
        <span className={styles.name}>{t('app.name')}</span>
        <span className={styles.nativeName}>{t('app.nativeName')}</span>
      </div>
      <SearchBox />
      <div className={styles.right}>
        <HostStatus />
        <SyncStatus />
        <LanguageSwitch />
      </div>
    </header>
  );
}
