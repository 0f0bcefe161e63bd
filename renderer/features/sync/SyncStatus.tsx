import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SyncStatus as Status } from '../../../shared/api/sync';
import { useFormat } from '../../i18n/useFormat';
import { type Formatters } from '../../i18n/format';
import { useStores, useSync } from '../../stores/context';
import { Button } from '../../ui/Button';
import { LoginDialog } from './LoginDialog';
import styles from './sync.module.css';

/**
 * The sync pill beside the host light: synced, syncing, offline since when, how many local changes
 * still wait for the server, or signed out. A click opens the sign-in (or the account with sign-out).
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useSync((s) => s.status);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (!status) return null;
  const title = [status.server && status.username ? t('sync.account', { username: status.username, server: status.server }) : null, lastSync(status, fmt, t), status.lastError]
    .filter(Boolean)
    .join('\n');
  return (
    <>
      <button type="button" className={styles.pill} data-testid="sync-status" data-state={status.state} data-pending={status.pending} data-progress={status.progress ?? undefined} title={title} onClick={() => setOpen(true)}>
        <span className={styles.dot} aria-hidden="true" />
        <span>{label(status, fmt, t)}</span>
        {status.pending > 0 && (
          <span className={styles.pending} data-testid="sync-pending">
            {t('sync.pending', { count: status.pending })}
          </span>
        )}
      </button>
      {open && (status.state === 'signed_out' ? <LoginDialog onClose={close} /> : <SyncAccount status={status} onClose={close} />)}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function label(status: Status, fmt: Formatters, t: T): string {
  switch (status.state) {
    case 'online':
      return t('sync.online');
    case 'syncing':
      // Floor, so 100 % means everything is in (the store may still build its indexes then).
      return status.progress === null ? t('sync.syncing') : t('sync.syncingProgress', { percent: Math.floor(status.progress * 100) });
    case 'offline':
      return status.offlineSince ? t('sync.offline', { time: when(status.offlineSince, fmt) }) : t('sync.offlineUnknown');
    case 'signed_out':
      return t('sync.signedOut');
  }
}

/** A time today reads 14:03; an older one carries its day. */
function when(iso: string, fmt: Formatters): string {
  return fmt.dayKey(iso) === fmt.dayKey(new Date()) ? fmt.time(iso) : fmt.dayTime(iso);
}

function lastSync(status: Status, fmt: Formatters, t: T): string {
  return status.lastSyncAt ? t('sync.lastSync', { time: when(status.lastSyncAt, fmt) }) : t('sync.neverSynced');
}

function SyncAccount({ status, onClose }: { status: Status; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { sync } = useStores();
  const signOut = async () => {
    await sync.getState().logout();
    onClose();
  };
  return (
    <div className={styles.backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={styles.dialog} role="dialog" aria-modal="true" aria-labelledby="sync-account-title" data-testid="sync-account">
        <h2 id="sync-account-title">{t('sync.accountTitle')}</h2>
        {status.username && status.server && <p>{t('sync.account', { username: status.username, server: status.server })}</p>}
        <p className={styles.hint}>{lastSync(status, fmt, t)}</p>
        {status.lastError && <p className={styles.error}>{status.lastError}</p>}
        <div className={styles.actions}>
          <Button onClick={onClose}>{t('sync.close')}</Button>
          <Button variant="primary" onClick={() => void signOut()} data-testid="sync-sign-out">
            {t('sync.signOut')}
          </Button>
        </div>
      </div>
    </div>
  );
}
