import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../stores/context';
import { Customer360View } from '../customer/Customer360View';
import { QueuePanel } from '../queue/QueuePanel';
import { ScreenPopView } from '../screenpop/ScreenPopView';
import { SearchOutcome } from '../search/SearchOutcome';
import { SoftphonePanel } from '../softphone/SoftphonePanel';
import { TopBar } from '../topbar/TopBar';
import styles from './layout.module.css';

/** The agent's screen: top bar; softphone left, customer center, follow-up queue right. */
export function AgentLayout() {
  const { t } = useTranslation();
  const center = useWorkspace((s) => s.center);
  return (
    <div className={styles.app}>
      <TopBar />
      <main className={styles.body}>
        <SoftphonePanel />
        <section className={styles.center} aria-label={center === 'customer' ? t('history.title') : t('topbar.searchLabel')} data-testid="center-panel">
          {center === 'screenpop' ? <ScreenPopView /> : center === 'customer' ? <Customer360View /> : <SearchOutcome />}
        </section>
        <QueuePanel />
      </main>
    </div>
  );
}
