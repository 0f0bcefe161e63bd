import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueue, useStores } from '../../stores/context';
import { useNow } from '../common/useNow';
import { type QueueTask } from '../../stores/queue';
import { QueueRow } from './QueueRow';
import styles from './queue.module.css';

export const QUEUE_ROW_HEIGHT = 74;
const LOAD_AHEAD_ROWS = 20;

/** Virtualized like the history: a busy queue holds thousands of tasks. */
export function QueueList() {
  const { t } = useTranslation();
  const { queue, openCustomer, work } = useStores();
  // A task still to do opens as a preview (held for this agent); a finished one shows its customer.
  const openTask = useCallback(
    (task: QueueTask) => (task.status === 'queued' || task.status === 'leased' ? void work.getState().open(task.id) : openCustomer(task.customerId)),
    [work, openCustomer],
  );
  const tasks = useQueue((s) => s.tasks);
  const total = useQueue((s) => s.total);
  const load = useQueue((s) => s.load);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const hasMore = tasks.length < total;
  // Stable, or the virtualizer re-measures every row on each render (see HistoryList).
  const getItemKey = useCallback((index: number) => tasks[index]?.id ?? 'more', [tasks]);

  // See HistoryList: the compiler skips this component; rows are memo components.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tasks.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    getItemKey,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? -1) : -1;

  useEffect(() => {
    if (hasMore && load === 'ready' && lastIndex >= tasks.length - LOAD_AHEAD_ROWS) void queue.getState().loadMore();
  }, [hasMore, load, lastIndex, tasks.length, queue]);

  return (
    <div ref={scrollRef} className={styles.scroller} data-testid="queue-list">
      <div className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const task = tasks[item.index];
          return (
            <div key={item.key} className={styles.slot} style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
              {task ? <QueueRow task={task} now={now} onOpen={openTask} /> : <div className={styles.more}>{t('queue.loadingMore')}</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
