import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakReason } from '../../../shared/agent/states';
import { useSoftphone, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import { useNow } from '../common/useNow';
import { formatClock } from './clock';
import styles from './softphone.module.css';

/** The agent's state with how long it has lasted, and the two changes an agent makes by hand. */
export function AgentStateBar() {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const agent = useSoftphone((s) => s.agent);
  const registration = useSoftphone((s) => s.registration);
  const now = useNow(1000);
  const [reasons, setReasons] = useState(false);
  const canBreak = agent.name === 'available' || agent.name === 'wrap_up';
  return (
    <div className={styles.status}>
      <span className={styles.presence} data-presence={agent.name} data-state={agent.name} data-testid="agent-state" title={t('softphone.presenceLabel')}>
        <span className={styles.presenceDot} aria-hidden="true" />
        {t(`softphone.state.${agent.name}`)}
        {agent.breakReason && ` · ${t(`softphone.breakReason.${agent.breakReason}`)}`}
        <span className={styles.since}>{t('softphone.since', { time: formatClock(now - agent.since) })}</span>
      </span>
      <span className={styles.registration} data-testid="sip-status" data-state={registration.state}>
        {t(`softphone.sip.${registration.state}`)}
        {registration.state === 'rejected' && ` (${registration.code} ${registration.reason})`}
      </span>
      <div className={styles.stateActions}>
        {agent.name !== 'available' && agent.name !== 'on_call' && agent.name !== 'ringing' && agent.name !== 'offline' && (
          <Button data-testid="agent-available" onClick={() => softphone.getState().setAvailable()}>
            {t('softphone.goAvailable')}
          </Button>
        )}
        {canBreak && (
          <Button data-testid="agent-break" aria-expanded={reasons} onClick={() => setReasons((v) => !v)}>
            {t('softphone.takeBreak')}
          </Button>
        )}
      </div>
      {reasons && canBreak && (
        <div className={styles.reasons} role="menu">
          {BreakReason.options.map((reason) => (
            <Button
              key={reason}
              role="menuitem"
              data-testid={`agent-break-${reason}`}
              onClick={() => {
                softphone.getState().startBreak(reason);
                setReasons(false);
              }}
            >
              {t(`softphone.breakReason.${reason}`)}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
