import { type HistoryKind } from '../../../shared/domain';
import { Icon, type IconName } from '../../ui/Icon';
import styles from './history.module.css';

const ICONS: Record<HistoryKind, IconName> = { call: 'phone', ticket: 'ticket', order: 'order', followup: 'followup', feedback: 'feedback', note: 'note' };

/** A tinted disc per kind: the colour lets the eye find all orders in a long list without reading. */
export function KindIcon({ kind, size = 28 }: { kind: HistoryKind; size?: number }) {
  return (
    <span className={styles.kindIcon} data-kind={kind} style={{ width: size, height: size }} aria-hidden="true">
      <Icon name={ICONS[kind]} size={Math.round(size * 0.5)} />
    </span>
  );
}
