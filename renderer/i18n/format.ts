import { type Language } from './languages';

/**
 * Dates, times, numbers and money for one UI language, all through Intl. Intl objects are costly
 * to build and a history list formats thousands of rows, so each formatter is built once here
 * and reused; `useFormat()` hands out one instance per language.
 */
export interface Formatters {
  readonly language: Language;
  /** 14:03 */
  time(iso: string): string;
  /** 25 Nov 2026, 14:03 */
  dateTime(iso: string): string;
  /** 25 Nov 2026 */
  date(iso: string): string;
  /** 25 Oct, 14:03 — an event time inside a month group. */
  dayTime(iso: string): string;
  /** Wed, 25 Nov — the day header inside the recent part of a history. */
  day(iso: string): string;
  /** November 2026 — the month header for older history. */
  month(iso: string): string;
  /** Local calendar day, "2026-11-25": used to group events and to tell today from yesterday. */
  dayKey(iso: string | Date): string;
  /** "2026-11" */
  monthKey(iso: string): string;
  /** Amount in minor units (fen, cents) as money: 12999, "CNY" → ¥129.99. */
  money(amountMinor: number, currency: string): string;
  number(value: number): string;
}

export function createFormatters(language: Language, timeZone?: string): Formatters {
  const zone = timeZone ? { timeZone } : {};
  // 24-hour clock in both languages: agents read times at a glance and compare them with SLAs.
  const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const timeFmt = new Intl.DateTimeFormat(language, { ...clock, ...zone });
  const dateTimeFmt = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', ...clock, ...zone });
  const dayTimeFmt = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', ...clock, ...zone });
  const dateFmt = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', ...zone });
  const dayFmt = new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric', ...zone });
  const monthFmt = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', ...zone });
  // en-CA formats dates as ISO (YYYY-MM-DD), which makes a sortable, zone-correct key.
  const keyFmt = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone });
  const numberFmt = new Intl.NumberFormat(language);
  const moneyFmts = new Map<string, { fmt: Intl.NumberFormat; scale: number }>();

  const moneyFmt = (currency: string) => {
    let entry = moneyFmts.get(currency);
    if (!entry) {
      const fmt = new Intl.NumberFormat(language, { style: 'currency', currency });
      // Minor-unit scale comes from the currency itself: CNY has 2 decimals, JPY none.
      entry = { fmt, scale: 10 ** (fmt.resolvedOptions().maximumFractionDigits ?? 2) };
      moneyFmts.set(currency, entry);
    }
    return entry;
  };

  return {
    language,
    time: (iso) => timeFmt.format(new Date(iso)),
    dateTime: (iso) => dateTimeFmt.format(new Date(iso)),
    date: (iso) => dateFmt.format(new Date(iso)),
    dayTime: (iso) => dayTimeFmt.format(new Date(iso)),
    day: (iso) => dayFmt.format(new Date(iso)),
    month: (iso) => monthFmt.format(new Date(iso)),
    dayKey: (iso) => keyFmt.format(typeof iso === 'string' ? new Date(iso) : iso),
    monthKey: (iso) => keyFmt.format(new Date(iso)).slice(0, 7),
    money: (amountMinor, currency) => {
      try {
        const { fmt, scale } = moneyFmt(currency);
        return fmt.format(amountMinor / scale);
      } catch {
        // An unknown currency code must not take the whole history row down.
        return `${numberFmt.format(amountMinor / 100)} ${currency}`;
      }
    },
    number: (value) => numberFmt.format(value),
  };
}
