import { useTranslation } from 'react-i18next';
import { useAgent } from '../../stores/context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Panel } from '../../ui/Panel';
import { Dialpad } from './Dialpad';
import styles from './softphone.module.css';

/**
 * Placeholder until the softphone release: a real-looking panel whose controls are disabled, so
 * the layout and the agent's muscle memory are right from day one.
 */
export function SoftphonePanel() {
  const { t } = useTranslation();
  const presence = useAgent((s) => s.presence);
  return (
    <Panel
      label={t('softphone.title')}
      testId="softphone-panel"
      title={
        <>
          <Icon name="headset" size={15} />
          {t('softphone.title')}
        </>
      }
      actions={<Badge tone="outline">{t('softphone.badge')}</Badge>}
    >
      <div className={styles.body}>
        <div className={styles.status}>
          <span className={styles.presence} data-presence={presence}>
            <span className={styles.presenceDot} aria-hidden="true" />
            <span className="sr-only">{t('softphone.presenceLabel')}: </span>
            {t(`softphone.presence.${presence}`)}
          </span>
          <span className={styles.registration}>{t('softphone.notRegistered')}</span>
        </div>

        <div className={styles.notice} data-testid="softphone-placeholder">
          <strong>{t('softphone.comingSoon')}</strong>
          <p>{t('softphone.body')}</p>
        </div>

        <label className={styles.number}>
          <span className="sr-only">{t('softphone.numberLabel')}</span>
          <input type="tel" disabled placeholder={t('softphone.numberPlaceholder')} />
        </label>
        <Dialpad />
        <Button variant="primary" icon="phone" disabled className={styles.call}>
          {t('softphone.call')}
        </Button>
      </div>
    </Panel>
  );
}
