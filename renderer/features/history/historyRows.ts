import { type HistoryEvent } from '../../../shared/domain';
import { type Formatters } from '../../i18n/format';

/** Recent history is grouped by day, older history by month: dense where detail matters. */
export const RECENT_DAYS = 30;
const DAY_MS = 86_400_000;

export type HistoryRowModel =
  | { type: 'header'; key: string; label: string; scope: 'day' | 'month' }
  | { type: 'event'; key: string; event: HistoryEvent; scope: 'day' | 'month' };

/** Day keys per event, per formatter (i.e. per time zone): rebuilding rows after a page load stays cheap. */
const dayKeys = new WeakMap<Formatters, WeakMap<HistoryEvent, string>>();

function dayKeyOf(event: HistoryEvent, fmt: Formatters): string {
  let cache = dayKeys.get(fmt);
  if (!cache) {
    cache = new WeakMap();
    dayKeys.set(fmt, cache);
  }
  let key = cache.get(event);
  if (key === undefined) {
    key = fmt.dayKey(event.occurredAt);
    cache.set(event, key);
  }
  return key;
}

/**
 * Flattens newest-first events into the rows the virtual list draws: a header whenever the day (or,
 * for older events, the month) changes, then one row per event.
 */
export function buildRows(events: readonly HistoryEvent[], fmt: Formatters, now: number, words: { today: string; yesterday: string }): HistoryRowModel[] {
  const today = fmt.dayKey(new Date(now));
  const yesterday = fmt.dayKey(new Date(now - DAY_MS));
  const recentFrom = fmt.dayKey(new Date(now - RECENT_DAYS * DAY_MS));
  const rows: HistoryRowModel[] = [];
  let group = '';
  for (const event of events) {
    const day = dayKeyOf(event, fmt);
    // Keys are ISO dates, so string comparison is date comparison.
    const scope = day >= recentFrom ? 'day' : 'month';
    const key = scope === 'day' ? day : day.slice(0, 7);
    if (key !== group) {
      group = key;
      rows.push({ type: 'header', key: `h:${key}`, scope, label: headerLabel(event.occurredAt, day, scope, { today, yesterday }, fmt, words) });
    }
    rows.push({ type: 'event', key: event.id, event, scope });
  }
  return rows;
}

function headerLabel(
  iso: string,
  day: string,
  scope: 'day' | 'month',
  keys: { today: string; yesterday: string },
  fmt: Formatters,
  words: { today: string; yesterday: string },
): string {
  if (scope === 'month') return fmt.month(iso);
  if (day === keys.today) return `${words.today} · ${fmt.day(iso)}`;
  if (day === keys.yesterday) return `${words.yesterday} · ${fmt.day(iso)}`;
  return fmt.day(iso);
}
