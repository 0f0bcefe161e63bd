import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSoftphone, useStores, useWork, useWorkspace, useWrapUps } from '../../stores/context';
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
import { DialRefusalNote } from '../followup/DialRefusalNote';
import { WrapUpCard } from '../wrapup/WrapUpCard';
import styles from './softphone.module.css';

/** The agent's phone: state, registration, lines with their controls, dialpad, wrap-up. */
export function SoftphonePanel() {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const lines = useSoftphone((s) => s.lines);
  const wrapUps = useWrapUps((s) => s.items);
  const limit = useSoftphone((s) => s.policy.wrapUpLimitSec);
  const refusal = useSoftphone((s) => s.dialRefusal);
  const lastDialed = useSoftphone((s) => s.lastDialed);
  const center = useWorkspace((s) => s.center);
  // The follow-up preview shows a refusal of its own call itself, next to the Call button.
  const previewOnScreen = useWork((s) => s.view === 'preview') && center === 'followup';
  const { workspace } = useStores();
  const settings = useSoftphone((s) => s.settings);
  const problem = useSoftphone((s) => s.problem);
  const [number, setNumber] = useState('');
  const [editing, setEditing] = useState(false);
  useRingtone();
  const activeLine = lines.find((l) => l.state === 'active');
  const needsSettings = settings !== null && (settings.settings === null || settings.password !== 'stored');
  const openWrapUps = wrapUps.filter((w) => w.status !== 'saved' || w === wrapUps.at(-1));
  // A follow-up's wrap-up sits in the follow-up view (it carries the task's survey); here, a pointer to it.
  const followUpOpen = openWrapUps.some((w) => w.followUp && w.status !== 'saved');
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
        {refusal && !previewOnScreen && <DialRefusalNote refusal={refusal} onDismiss={() => softphone.getState().clearDialRefusal()} />}
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
        {lastDialed && !activeLine && (
          <Button variant="ghost" icon="retry" data-testid="redial" onClick={() => void softphone.getState().redial()}>
            {t('work.dial.redial')}
          </Button>
        )}
        {followUpOpen && center !== 'followup' && (
          <div className={styles.notice} data-testid="wrap-up-followup-pointer">
            <strong>{t('work.wrapup.followUpOpen')}</strong>
            <Button variant="ghost" onClick={() => workspace.getState().show('followup')}>
              {t('work.wrapup.show')}
            </Button>
          </div>
        )}
        {openWrapUps
          .filter((w) => !w.followUp)
          .map((wrap) => (
            <WrapUpCard key={wrap.id} wrap={wrap} limitSec={limit} />
          ))}
      </div>
    </Panel>
  );
}
