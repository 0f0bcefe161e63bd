import { useTranslation } from 'react-i18next';
import { TaskStatus } from '../../../shared/domain';
import { openLabel } from '../../i18n/labels';
import { useQueue, useStores } from '../../stores/context';
import styles from './queue.module.css';

const ALL = '';
const HELD = 'held';

export function QueueFilters() {
  const { t, i18n } = useTranslation();
  const { queue } = useStores();
  const status = useQueue((s) => s.status);
  const type = useQueue((s) => s.type);
  const knownTypes = useQueue((s) => s.knownTypes);

  return (
    <div className={styles.filters}>
      <label className={styles.filter}>
        <span className="sr-only">{t('queue.statusFilter')}</span>
        <select
          data-testid="queue-status-filter"
          value={status ?? ALL}
          onChange={(e) => {
            const parsed = TaskStatus.safeParse(e.target.value);
            void queue.getState().setStatus(e.target.value === HELD ? HELD : parsed.success ? parsed.data : null);
          }}
        >
          <option value={ALL}>{t('queue.allStatuses')}</option>
          <option value={HELD}>{t('queue.held')}</option>
          {TaskStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`queue.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span className="sr-only">{t('queue.typeFilter')}</span>
        <select data-testid="queue-type-filter" value={type ?? ALL} onChange={(e) => void queue.getState().setType(e.target.value === ALL ? null : e.target.value)}>
          <option value={ALL}>{t('queue.allTypes')}</option>
          {knownTypes.map((ty) => (
            <option key={ty} value={ty}>
              {openLabel(i18n, 'followup.type', ty)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
