import { useTranslation } from 'react-i18next';
import { useSearch } from '../../stores/context';
import { StateCard } from '../../ui/StateCard';
import { usePhoneFormat } from '../common/usePhoneFormat';

/** A search that found nobody is an answer, not an error: say exactly what was looked for. */
export function NoCustomer() {
  const { t } = useTranslation();
  const phone = usePhoneFormat();
  const result = useSearch((s) => s.result);
  const submitted = useSearch((s) => s.submitted) ?? '';
  const title =
    result?.interpretedAs === 'phone' && result.e164
      ? t('search.noCustomerPhone', { phone: phone.international(result.e164) })
      : t('search.noCustomerName', { query: submitted });
  return (
    <StateCard icon="userMissing" tone="warn" title={title} testId="no-customer">
      {t('search.noCustomerHint')}
    </StateCard>
  );
}
