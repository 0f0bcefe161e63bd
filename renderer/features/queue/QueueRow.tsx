import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { openLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useCustomer, useWork } from '../../stores/context';
import { type QueueTask } from '../../stores/queue';
import { Badge } from '../../ui/Badge';
import styles from './queue.module.css';

/** Statuses in which a task still waits for an agent, so its due time and SLA matter. */
const OPEN = new Set(['queued', 'leased']);

export const QueueRow = memo(function QueueRow({ task, now, onOpen }: { task: QueueTask; now: number; onOpen: (task: QueueTask) => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const previewing = useWork((s) => s.preview?.task.id === task.id);
  const active = useCustomer((s) => s.customerId === task.customerId) || previewing;
  const open = OPEN.has(task.status);
  const slaMissed = open && Date.parse(task.slaAt) < now;
  const overdue = open && !slaMissed && Date.parse(task.dueAt) < now;
  const dueToday = fmt.dayKey(task.dueAt) === fmt.dayKey(new Date(now));
  const due = dueToday ? fmt.time(task.dueAt) : fmt.dayTime(task.dueAt);

  return (
    <button
      type="button"
      className={styles.row}
      data-testid="queue-row"
      data-active={active || undefined}
      data-priority={task.priority}
      data-task-id={task.id}
      onClick={() => onOpen(task)}
    >
      <span className={styles.priority} title={t('queue.priority', { priority: task.priority })}>
        {t('queue.priority', { priority: task.priority })}
      </span>
      <span className={styles.rowMain}>
        <span className={styles.rowTop}>
          <strong className={styles.customer}>{task.customerName}</strong>
          <span className={`${styles.due} num`} data-late={slaMissed || overdue || undefined}>
            {t('queue.due', { time: due })}
          </span>
        </span>
        <span className={styles.rowMid}>
          <span className={styles.type}>{openLabel(i18n, 'followup.type', task.type)}</span>
          <span className={styles.reason} title={task.reason}>
            {task.reason}
          </span>
        </span>
        <span className={styles.rowBottom}>
          {!open || task.status === 'leased' ? <Badge tone={task.status === 'done' ? 'ok' : 'neutral'}>{t(`queue.status.${task.status}`)}</Badge> : null}
          {slaMissed && <Badge tone="danger">{t('queue.slaMissed')}</Badge>}
          {overdue && <Badge tone="warn">{t('queue.overdue')}</Badge>}
          {task.attempts > 0 && <span className={styles.attempts}>{t('queue.attempts', { count: task.attempts })}</span>}
        </span>
      </span>
    </button>
  );
});
