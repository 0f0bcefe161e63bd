import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { type HistoryEvent } from '../../../shared/domain';
import { useFormat } from '../../i18n/useFormat';
import { EventFacts } from './EventFacts';
import { KindIcon } from './KindIcon';
import styles from './history.module.css';

/** One event: kind disc, summary on top, key facts below, time on the right. Fixed height (see ROW_HEIGHT). */
export const HistoryRow = memo(function HistoryRow({ event, withDate }: { event: HistoryEvent; withDate: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className={styles.event} data-testid="history-row" data-kind={event.kind} data-event-id={event.id}>
      <KindIcon kind={event.kind} />
      <div className={styles.eventMain}>
        <div className={styles.eventTop}>
          <span className={styles.kindLabel} data-kind={event.kind}>
            {t(`kind.${event.kind}`)}
          </span>
          <span className={styles.summary} title={event.summary}>
            {event.summary}
          </span>
        </div>
        <div className={styles.eventFacts}>
          <EventFacts event={event} />
        </div>
      </div>
      <time className={`${styles.time} num`} dateTime={event.occurredAt} title={fmt.dateTime(event.occurredAt)}>
        {withDate ? fmt.dayTime(event.occurredAt) : fmt.time(event.occurredAt)}
      </time>
    </div>
  );
});

export function GroupHeader({ label, scope }: { label: string; scope: 'day' | 'month' }) {
  return (
    <div className={styles.groupHeader} data-scope={scope} role="heading" aria-level={3}>
      {label}
    </div>
  );
}
