import { useTranslation } from 'react-i18next';
import { HISTORY_KINDS } from '../../../shared/domain';
import { useFormat } from '../../i18n/useFormat';
import { useCustomer, useStores } from '../../stores/context';
import { KindIcon } from './KindIcon';
import styles from './history.module.css';

/** Toggle chips with counts: none selected = everything; any selection narrows the list to those kinds. */
export function KindFilter() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { customer } = useStores();
  const counts = useCustomer((s) => s.profile?.counts);
  const kinds = useCustomer((s) => s.kinds);
  if (!counts) return null;
  const total = HISTORY_KINDS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);

  return (
    <div className={styles.chips} role="group" aria-label={t('history.filterLabel')}>
      <button type="button" className={styles.chip} data-testid="kind-filter-all" aria-pressed={kinds.length === 0} onClick={() => void customer.getState().showAllKinds()}>
        {t('history.all')}
        <span className={`${styles.chipCount} num`}>{fmt.number(total)}</span>
      </button>
      {HISTORY_KINDS.map((kind) => {
        const count = counts[kind] ?? 0;
        const selected = kinds.includes(kind);
        return (
          <button
            key={kind}
            type="button"
            className={styles.chip}
            data-kind={kind}
            data-testid={`kind-filter-${kind}`}
            aria-pressed={selected}
            disabled={count === 0 && !selected}
            onClick={() => void customer.getState().toggleKind(kind)}
          >
            <KindIcon kind={kind} size={15} />
            {t(`kindPlural.${kind}`)}
            <span className={`${styles.chipCount} num`}>{fmt.number(count)}</span>
          </button>
        );
      })}
    </div>
  );
}
