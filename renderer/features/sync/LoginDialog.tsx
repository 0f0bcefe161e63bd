import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores, useSync } from '../../stores/context';
import { type LoginError } from '../../stores/sync';
import { Button } from '../../ui/Button';
import styles from './sync.module.css';

const FIELDS = ['server', 'username', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Server address, user name and password; the host signs in and keeps the tokens, the renderer never sees them. */
export function LoginDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { sync } = useStores();
  const status = useSync((s) => s.status);
  const signingIn = useSync((s) => s.signingIn);
  const error = useSync((s) => s.loginError);
  const [values, setValues] = useState<Record<Field, string>>({
    server: status?.server ?? 'http://',
    username: status?.username ?? '',
    password: '',
  });
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    sync.getState().clearLoginError();
  }, [sync]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await sync.getState().login(values)) onClose();
  };

  return (
    <div className={styles.backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className={styles.dialog} role="dialog" aria-modal="true" aria-labelledby="sync-login-title" onSubmit={(e) => void submit(e)} data-testid="sync-login">
        <h2 id="sync-login-title">{t('sync.loginTitle')}</h2>
        <p className={styles.hint}>{t('sync.loginHint')}</p>
        {FIELDS.map((field) => (
          <label key={field}>
            <span>{t(`sync.${field}`)}</span>
            <input
              ref={field === 'server' ? first : undefined}
              type={field === 'password' ? 'password' : field === 'server' ? 'url' : 'text'}
              autoComplete={field === 'password' ? 'current-password' : field === 'username' ? 'username' : 'url'}
              value={values[field]}
              aria-invalid={blames(error, field)}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              data-testid={`sync-login-${field}`}
            />
          </label>
        ))}
        {error && <LoginErrorLine error={error} />}
        <div className={styles.actions}>
          <Button onClick={onClose}>{t('sync.close')}</Button>
          <Button variant="primary" type="submit" disabled={signingIn} data-testid="sync-login-submit">
            {signingIn ? t('sync.signingIn') : t('sync.signIn')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function blames(error: LoginError | null, field: Field): boolean {
  if (!error) return false;
  if (error.field) return error.field === field;
  if (error.kind === 'credentials') return field === 'password';
  if (error.kind === 'unreachable') return field === 'server';
  return false;
}

function LoginErrorLine({ error }: { error: LoginError }) {
  const { t } = useTranslation();
  const line =
    error.kind === 'rate_limited'
      ? error.retryAfterSec === null
        ? t('sync.error.rate_limited_unknown')
        : t('sync.error.rate_limited', { seconds: error.retryAfterSec })
      : t(`sync.error.${error.kind}`, { message: error.message });
  return (
    <p className={styles.error} role="alert" data-testid="sync-login-error" data-kind={error.kind}>
      {line}
      {/* The cause the host saw (address, DNS, refused connection) helps whoever fixes the network. */}
      {error.kind === 'unreachable' && <span className={styles.detail}>{error.message}</span>}
    </p>
  );
}
