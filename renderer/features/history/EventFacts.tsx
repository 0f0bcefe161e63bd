import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type HistoryEvent, type HistoryEventOf } from '../../../shared/domain';
import { formatDuration, openLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Icon } from '../../ui/Icon';
import styles from './history.module.css';

/** The key facts of one event, per kind, on one line: what an agent needs without opening it. */
export function EventFacts({ event }: { event: HistoryEvent }) {
  switch (event.kind) {
    case 'call':
      return <CallFacts event={event} />;
    case 'ticket':
      return <TicketFacts event={event} />;
    case 'order':
      return <OrderFacts event={event} />;
    case 'followup':
      return <FollowupFacts event={event} />;
    case 'feedback':
      return <FeedbackFacts event={event} />;
    case 'note':
      return <NoteFacts event={event} />;
  }
}

/** Facts are passed as a list prop (not children) and keyed by position: their order never changes. */
function Facts({ items }: { items: ReactNode[] }) {
  return (
    <span className={styles.facts}>
      {items.filter(Boolean).map((item, i) => (
        <span key={i} className={styles.fact}>
          {item}
        </span>
      ))}
    </span>
  );
}

function CallFacts({ event }: { event: HistoryEventOf<'call'> }) {
  const { t, i18n } = useTranslation();
  const p = event.payload;
  const missed = p.answeredAt === null && p.durationSec === 0;
  return (
    <Facts
      items={[
        <span className={styles.direction}>
          <Icon name={p.direction} size={12} />
          {t(`call.${p.direction}`)}
        </span>,
        missed ? <span className={styles.bad}>{t('call.missed')}</span> : <span className="num">{formatDuration(i18n, p.durationSec)}</span>,
        p.disposition && openLabel(i18n, 'call.disposition', p.disposition),
        p.agent && t('call.agent', { agent: p.agent }),
        p.quality && <span className="num">{t('call.mos', { mos: p.quality.mos.toFixed(1) })}</span>,
      ]}
    />
  );
}

const TICKET_STATUS_TONE: Record<HistoryEventOf<'ticket'>['payload']['status'], BadgeTone> = { open: 'warn', pending: 'accent', resolved: 'ok', closed: 'neutral' };
const PRIORITY_TONE: Record<HistoryEventOf<'ticket'>['payload']['priority'], BadgeTone> = { urgent: 'danger', high: 'warn', normal: 'neutral', low: 'neutral' };

function TicketFacts({ event }: { event: HistoryEventOf<'ticket'> }) {
  const { t } = useTranslation();
  const p = event.payload;
  return (
    <Facts
      items={[
        <span className={`${styles.id} num`}>#{p.ticketId}</span>,
        t(`ticket.category.${p.category}`),
        <Badge tone={TICKET_STATUS_TONE[p.status]}>{t(`ticket.status.${p.status}`)}</Badge>,
        <Badge tone={PRIORITY_TONE[p.priority]}>{t(`ticket.priority.${p.priority}`)}</Badge>,
      ]}
    />
  );
}

const ORDER_STATUS_TONE: Record<HistoryEventOf<'order'>['payload']['status'], BadgeTone> = {
  placed: 'accent',
  paid: 'accent',
  shipped: 'accent',
  delivered: 'ok',
  returned: 'warn',
  cancelled: 'neutral',
};

/** Items shown before "+N more": enough to recognise the order, short enough for one line. */
const ITEMS_SHOWN = 2;

function OrderFacts({ event }: { event: HistoryEventOf<'order'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = event.payload;
  const items = p.items.slice(0, ITEMS_SHOWN).map((it) => t('order.item', { qty: it.qty, name: it.name }));
  const rest = p.items.length - ITEMS_SHOWN;
  return (
    <Facts
      items={[
        <strong className={`${styles.amount} num`}>{fmt.money(p.amountMinor, p.currency)}</strong>,
        <Badge tone={ORDER_STATUS_TONE[p.status]}>{t(`order.status.${p.status}`)}</Badge>,
        items.length > 0 && <span className={styles.items}>{items.join(', ') + (rest > 0 ? ` ${t('order.moreItems', { count: rest })}` : '')}</span>,
      ]}
    />
  );
}

function FollowupFacts({ event }: { event: HistoryEventOf<'followup'> }) {
  const { t, i18n } = useTranslation();
  const p = event.payload;
  return (
    <Facts
      items={[
        openLabel(i18n, 'followup.type', p.type),
        <Badge tone="accent">{openLabel(i18n, 'followup.outcome', p.outcome)}</Badge>,
        p.agent && t('call.agent', { agent: p.agent }),
        p.notes && <span className={styles.quote}>{p.notes}</span>,
      ]}
    />
  );
}

/** Good / middling / poor, per the usual reading of each score. CES is "effort": lower is better. */
const scoreTone = (good: boolean, poor: boolean): BadgeTone => (good ? 'ok' : poor ? 'danger' : 'neutral');

function FeedbackFacts({ event }: { event: HistoryEventOf<'feedback'> }) {
  const { t } = useTranslation();
  const p = event.payload;
  return (
    <Facts
      items={[
        t(`feedback.channel.${p.channel}`),
        p.csat !== null && <Badge tone={scoreTone(p.csat >= 4, p.csat <= 2)}>{t('feedback.csat', { score: p.csat })}</Badge>,
        p.nps !== null && <Badge tone={scoreTone(p.nps >= 9, p.nps <= 6)}>{t('feedback.nps', { score: p.nps })}</Badge>,
        p.ces !== null && <Badge tone={scoreTone(p.ces <= 3, p.ces >= 5)}>{t('feedback.ces', { score: p.ces })}</Badge>,
        p.comment && <span className={styles.quote}>“{p.comment}”</span>,
      ]}
    />
  );
}

function NoteFacts({ event }: { event: HistoryEventOf<'note'> }) {
  const { t } = useTranslation();
  const p = event.payload;
  // A note is often summarized by its own text: do not print it twice.
  const repeats = p.text.trim() === event.summary.trim();
  return (
    <Facts
      items={[!repeats && <span className={styles.quote}>{p.text}</span>, p.author && <span className={styles.author}>{t('note.by', { author: p.author })}</span>]}
    />
  );
}
