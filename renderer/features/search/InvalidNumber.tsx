import { useTranslation } from 'react-i18next';
import { useSearch } from '../../stores/context';
import { StateCard } from '../../ui/StateCard';
import { usePhoneFormat } from '../common/usePhoneFormat';

/** Looked like a number but is not one (wrong length, no such prefix): say so instead of "no customer". */
export function InvalidNumber() {
  const { t, i18n } = useTranslation();
  const { region } = usePhoneFormat();
  const submitted = useSearch((s) => s.submitted) ?? '';
  return (
    <StateCard icon="alert" tone="warn" title={t('search.invalidTitle', { query: submitted })} testId="invalid-number">
      {t('search.invalidHint', { region: regionName(region, i18n.language) })}
    </StateCard>
  );
}

/** "CN" → "China" / "中国", in the UI language. */
function regionName(region: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}
