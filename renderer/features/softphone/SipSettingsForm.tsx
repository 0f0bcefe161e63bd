import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoftphoneSettings } from '../../../shared/api/contract';
import { useSoftphone, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import styles from './softphone.module.css';

const DEFAULTS: SoftphoneSettings = {
  wsUrl: 'wss://',
  domain: '',
  extension: '',
  authorizationUsername: '',
  displayName: '',
  wrapUpLimitSec: 60,
  whenNotAvailable: 'busy',
  callWaiting: true,
};

const FIELDS = ['wsUrl', 'domain', 'extension', 'authorizationUsername', 'displayName'] as const;

/** Server, extension and password; the password goes to the host, which seals it. */
export function SipSettingsForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const state = useSoftphone((s) => s.settings);
  const problem = useSoftphone((s) => s.problem);
  const [values, setValues] = useState<SoftphoneSettings>(state?.settings ?? DEFAULTS);
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await softphone.getState().saveSettings(values, password === '' ? undefined : password);
      onDone?.();
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className={styles.settings} onSubmit={(e) => void submit(e)} data-testid="sip-settings">
      <strong>{t('softphone.settings.title')}</strong>
      {state?.password === 'unreadable' && <p className={styles.hint}>{t('softphone.settings.unreadable')}</p>}
      {!state?.settings && <p className={styles.hint}>{t('softphone.settings.missing')}</p>}
      {FIELDS.map((field) => (
        <label key={field}>
          <span>{t(`softphone.settings.${field}`)}</span>
          <input value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.target.value })} data-testid={`sip-${field}`} />
        </label>
      ))}
      <label>
        <span>{t('softphone.settings.password')}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          placeholder={state?.password === 'stored' ? t('softphone.settings.passwordKept') : ''}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="sip-password"
        />
      </label>
      {problem && <p className={styles.error}>{problem.message}</p>}
      <Button variant="primary" type="submit" disabled={saving} data-testid="sip-save">
        {t('softphone.settings.save')}
      </Button>
    </form>
  );
}
