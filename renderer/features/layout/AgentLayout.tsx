import { useTranslation } from 'react-i18next';
import { useStores, useWorkspace } from '../../stores/context';
import { Customer360View } from '../customer/Customer360View';
import { ShortcutHelp } from '../followup/ShortcutHelp';
import { useShortcuts } from '../followup/useShortcuts';
import { WorkView } from '../followup/WorkView';
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
  useShortcuts(useStores());
  return (
    <div className={styles.app}>
      <TopBar />
      <main className={styles.body}>
        <SoftphonePanel />
        <section className={styles.center} aria-label={center === 'customer' ? t('history.title') : center === 'followup' ? t('work.title') : t('topbar.searchLabel')} data-testid="center-panel">
          {center === 'screenpop' ? <ScreenPopView /> : center === 'customer' ? <Customer360View /> : center === 'followup' ? <WorkView /> : <SearchOutcome />}
        </section>
        <QueuePanel />
      </main>
      <ShortcutHelp />
    </div>
  );
}
