import { useTranslation } from 'react-i18next';
import { useSearch } from '../../stores/context';
import { usePhoneFormat } from '../common/usePhoneFormat';
import styles from './topbar.module.css';

/** "Number +86 138 0013 8000" / "Name “王芳”": shows the agent how the last query was understood. */
export function QueryReading() {
  const { t } = useTranslation();
  const phone = usePhoneFormat();
  const result = useSearch((s) => (s.status === 'done' ? s.result : null));
  const submitted = useSearch((s) => s.submitted);
  if (!result || !submitted) return null;
  let text: string;
  if (result.invalidNumber) text = t('topbar.readAsInvalid');
  else if (result.interpretedAs === 'phone' && result.e164) text = t('topbar.readAsPhone', { phone: phone.international(result.e164) });
  else text = t('topbar.readAsName', { query: submitted });
  return (
    <span className={styles.reading} data-testid="query-reading" data-kind={result.invalidNumber ? 'invalid' : result.interpretedAs}>
      {text}
    </span>
  );
}
