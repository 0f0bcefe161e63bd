import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../stores/wrapup';
import styles from './wrapup.module.css';

/** The message under a field: the form's own checks in the UI language, the host's words as sent. */
export function FieldMessage({ error, testId }: { error: FieldError | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error.code === 'host' ? error.message : t(`work.wrapup.errors.${error.code}`);
  return (
    <span className={styles.fieldError} role="alert" data-testid={testId}>
      {text}
    </span>
  );
}
