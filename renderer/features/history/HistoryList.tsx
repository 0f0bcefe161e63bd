import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { useCustomer, useStores } from '../../stores/context';
import { useNow } from '../common/useNow';
import { HistoryFooter } from './HistoryFooter';
import { GroupHeader, HistoryRow } from './HistoryRow';
import { buildRows, type HistoryRowModel } from './historyRows';
import styles from './history.module.css';

/** Fixed row heights keep virtualization exact and scrolling smooth: no measuring, no jumps. */
export const ROW_HEIGHT = 58;
export const HEADER_HEIGHT = 32;
export const FOOTER_HEIGHT = 48;
/** Start loading the next page this many rows before the end, so the agent rarely sees the footer. */
export const LOAD_AHEAD_ROWS = 30;

const sizeOf = (row: HistoryRowModel | undefined) => (!row ? FOOTER_HEIGHT : row.type === 'header' ? HEADER_HEIGHT : ROW_HEIGHT);

/**
 * The whole history of a customer, newest first, in one virtual list: only the rows in view (plus a
 * few) exist in the DOM, so 10,000 events scroll like 50. Older pages load as the end comes near.
 */
export function HistoryList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const { customer } = useStores();
  const events = useCustomer((s) => s.events);
  const status = useCustomer((s) => s.history);
  const hasMore = useCustomer((s) => s.nextCursor !== null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => buildRows(events, fmt, now, { today: t('history.today'), yesterday: t('history.yesterday') }), [events, fmt, now, t]);
  // Stable callbacks matter: the virtualizer re-measures every row whenever getItemKey changes identity,
  // which at 10,000 rows turns each scroll frame into O(n) work.
  const estimateSize = useCallback((index: number) => sizeOf(rows[index]), [rows]);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? 'footer', [rows]);

  // The React Compiler skips this component (TanStack Virtual returns fresh functions each render);
  // that is fine: rows are memoized above and each row is a memo component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + 1, // + the footer row
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const stuck = stickyHeader(rows, virtualizer.range?.startIndex ?? 0, virtualizer.scrollOffset ?? 0);
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? -1) : -1;

  useEffect(() => {
    if (hasMore && status === 'ready' && lastIndex >= rows.length - LOAD_AHEAD_ROWS) void customer.getState().loadMore();
  }, [hasMore, status, lastIndex, rows.length, customer]);

  return (
    <div className={styles.listFrame}>
      {stuck && (
        <div className={styles.sticky} aria-hidden="true" data-testid="history-sticky-header">
          <GroupHeader label={stuck.label} scope={stuck.scope} />
        </div>
      )}
      <div ref={scrollRef} className={styles.scroller} data-testid="history-list" tabIndex={0}>
        <div className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div key={item.key} className={styles.slot} style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                {!row ? (
                  <HistoryFooter />
                ) : row.type === 'header' ? (
                  <GroupHeader label={row.label} scope={row.scope} />
                ) : (
                  <HistoryRow event={row.event} withDate={row.scope === 'month'} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * The group the top of the viewport is in, pinned above the list: deep in a long history the agent
 * still sees which day or month they are reading. Groups are at most a month of events, so the
 * walk back to the header is short.
 */
function stickyHeader(rows: HistoryRowModel[], firstVisible: number, scrollOffset: number): Extract<HistoryRowModel, { type: 'header' }> | null {
  if (scrollOffset <= 0) return null; // At the top the real header is already in place.
  for (let i = Math.min(firstVisible, rows.length - 1); i >= 0; i--) {
    const row = rows[i];
    if (row?.type === 'header') return row;
  }
  return null;
}
