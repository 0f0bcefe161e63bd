import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSoftphone, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Panel } from '../../ui/Panel';
import { AgentStateBar } from './AgentStateBar';
import { DeviceSettings } from './DeviceSettings';
import { MicMeter } from './MicMeter';
import { useRingtone } from './useRingtone';
import { Dialpad } from './Dialpad';
import { LineCard } from './LineCard';
import { SipSettingsForm } from './SipSettingsForm';
import { WrapUpCard } from './WrapUpCard';
import styles from './softphone.module.css';

/** The agent's phone: state, registration, lines with their controls, dialpad, wrap-up. */
export function SoftphonePanel() {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const lines = useSoftphone((s) => s.lines);
  const wrapUps = useSoftphone((s) => s.wrapUps);
  const settings = useSoftphone((s) => s.settings);
  const problem = useSoftphone((s) => s.problem);
  const [number, setNumber] = useState('');
  const [editing, setEditing] = useState(false);
  useRingtone();
  const activeLine = lines.find((l) => l.state === 'active');
  const needsSettings = settings !== null && (settings.settings === null || settings.password !== 'stored');
  const openWrapUps = wrapUps.filter((w) => w.status !== 'saved' || w === wrapUps.at(-1));
  const dial = () => {
    void softphone.getState().dial(number);
  };
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
      actions={
        <Button variant="ghost" data-testid="sip-settings-open" onClick={() => setEditing((v) => !v)}>
          {t('softphone.settings.open')}
        </Button>
      }
    >
      <div className={styles.body}>
        <AgentStateBar />
        {(editing || needsSettings) && <SipSettingsForm onDone={() => setEditing(false)} />}
        {editing && <DeviceSettings />}
        {lines.map((line) => (
          <LineCard key={line.id} line={line} />
        ))}
        {activeLine && <MicMeter />}
        {lines.length >= 2 && (
          <Button data-testid="swap-lines" onClick={() => void softphone.getState().swap()}>
            {t('softphone.line.swap')}
          </Button>
        )}
        {problem && !editing && <p className={styles.error}>{problem.message}</p>}
        <label className={styles.number}>
          <span className="sr-only">{t('softphone.numberLabel')}</span>
          <input
            type="tel"
            data-testid="dial-input"
            placeholder={t('softphone.numberPlaceholder')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') dial();
            }}
          />
        </label>
        <Dialpad onKey={(digit) => (activeLine ? void softphone.getState().sendDtmf(digit) : setNumber((n) => n + digit))} />
        <Button variant="primary" icon="phone" className={styles.call} data-testid="dial-button" disabled={!number.trim()} onClick={dial}>
          {t('softphone.call')}
        </Button>
        {openWrapUps.map((wrap) => (
          <WrapUpCard key={wrap.line.id} wrap={wrap} />
        ))}
      </div>
    </Panel>
  );
}
