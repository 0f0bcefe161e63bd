import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { useHost } from '../../stores/context';
import styles from './topbar.module.css';

/** The connection light: green when the host answered the last call, red while it cannot be reached. */
export function HostStatus() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useHost((s) => s.status);
  const info = useHost((s) => s.info);
  const details = info ? t('host.details', { mode: t(`host.mode.${info.mode}`), version: info.version, customers: fmt.number(info.customers) }) : undefined;
  return (
    <div className={styles.host} data-status={status} data-testid="host-status" title={details} role="status">
      <span className={styles.hostDot} aria-hidden="true" />
      <span>{t(`host.${status}`)}</span>
      {info && status === 'online' && <span className={styles.hostMode}>{t(`host.mode.${info.mode}`)}</span>}
    </div>
  );
}
