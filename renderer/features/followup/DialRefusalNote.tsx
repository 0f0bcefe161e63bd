import { useTranslation } from 'react-i18next';
import type { DialRefusal } from '../../stores/softphone';
import { Button } from '../../ui/Button';
import { useFormat } from '../../i18n/useFormat';
import styles from './followup.module.css';

/** The compliance gate said no: which number, why, and when it may be dialled — no call was placed. */
export function DialRefusalNote({ refusal, onDismiss }: { refusal: DialRefusal; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className={styles.refusal} role="alert" data-testid="dial-refused" data-reason={refusal.reason}>
      <strong>{t('work.dial.refused', { number: refusal.number })}</strong>
      <span>{t(`work.notDialable.${refusal.reason}`)}</span>
      {refusal.reason === 'check_failed' && <span className={styles.muted}>{refusal.message}</span>}
      {refusal.nextAllowedAt && <span className={styles.muted}>{fmt.dateTime(refusal.nextAllowedAt)}</span>}
      {onDismiss && (
        <Button variant="ghost" data-testid="dial-refused-dismiss" onClick={onDismiss}>
          {t('work.dial.dismiss')}
        </Button>
      )}
    </div>
  );
}
