import { useTranslation } from 'react-i18next';
import { openLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { searchView } from '../../stores/search';
import { useCustomer, useSearch, useStores } from '../../stores/context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Avatar } from './Avatar';
import { PhoneList } from './PhoneList';
import styles from './customer.module.css';

export function ProfileHeader() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { workspace } = useStores();
  const profile = useCustomer((s) => s.profile);
  const cameFromResults = useSearch((s) => searchView(s) === 'results' && (s.result?.results.length ?? 0) > 1);
  if (!profile) return null;
  const { customer, phones } = profile;

  return (
    <header className={styles.profile}>
      {cameFromResults && (
        <Button variant="ghost" className={styles.back} onClick={() => workspace.getState().show('search')}>
          {t('customer.backToResults')}
        </Button>
      )}
      <div className={styles.identity}>
        <Avatar name={customer.name} size={48} />
        <div className={styles.identityText}>
          <div className={styles.nameLine}>
            <h1 className={styles.name} data-testid="customer-name">
              {customer.name}
            </h1>
            {customer.segment && <Badge tone={customer.segment === 'vip' ? 'warn' : 'accent'}>{openLabel(i18n, 'customer.segment', customer.segment)}</Badge>}
            {customer.doNotCall && (
              <Badge tone="danger" title={t('customer.doNotCall')}>
                {t('customer.doNotCall')}
              </Badge>
            )}
            {customer.tags.map((tag) => (
              <Badge key={tag} tone="outline">
                {openLabel(i18n, 'customer.tag', tag)}
              </Badge>
            ))}
          </div>
          <div className={styles.meta}>
            {customer.city && (
              <span title={t('customer.field.city')}>
                <Icon name="mapPin" size={13} />
                {customer.city}
              </span>
            )}
            {customer.language && (
              <span title={t('customer.field.language')}>
                <Icon name="language" size={13} />
                {t(`customer.preferredLanguage.${customer.language}`)}
              </span>
            )}
            {customer.company && (
              <span title={t('customer.field.company')}>
                <Icon name="building" size={13} />
                {customer.company}
              </span>
            )}
            {customer.email && (
              <span title={t('customer.field.email')}>
                <Icon name="mail" size={13} />
                {customer.email}
              </span>
            )}
            <span className={styles.since}>{t('customer.since', { date: fmt.date(customer.createdAt) })}</span>
          </div>
        </div>
      </div>
      <PhoneList phones={phones} />
    </header>
  );
}
