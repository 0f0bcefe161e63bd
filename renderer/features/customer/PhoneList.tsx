import { useTranslation } from 'react-i18next';
import { type PhoneNumber } from '../../../shared/domain';
import { useStores } from '../../stores/context';
import { Icon } from '../../ui/Icon';
import { usePhoneFormat } from '../common/usePhoneFormat';
import styles from './customer.module.css';

/** Every number of the customer, primary first, formatted the way agents dial them. */
export function PhoneList({ phones }: { phones: PhoneNumber[] }) {
  const { t } = useTranslation();
  const phone = usePhoneFormat();
  const { softphone } = useStores();
  const sorted = [...phones].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  if (sorted.length === 0) return null;
  return (
    <ul className={styles.phones} data-testid="customer-phones">
      {sorted.map((p) => (
        <li key={p.e164} className={styles.phone} data-primary={p.isPrimary || undefined} title={p.e164}>
          <Icon name="phone" size={13} />
          <span className={styles.phoneLabel}>{t(`customer.phoneLabel.${p.label}`)}</span>
          <button
            type="button"
            className={`${styles.phoneNumber} ${styles.dial} num`}
            data-testid="click-to-dial"
            data-number={p.e164}
            title={t('softphone.clickToDial', { number: phone.display(p.e164) })}
            onClick={() => void softphone.getState().dial(p.e164, { customerId: p.customerId })}
          >
            {phone.display(p.e164)}
          </button>
          {p.isPrimary && <span className={styles.primary}>{t('customer.primary')}</span>}
        </li>
      ))}
    </ul>
  );
}
