import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { loadWith, parseWith, type ParseResult } from './config-error';
import { DAY_MS, toIso, toMillis, type Millis } from './time';

/**
 * Calling windows, always in the customer's local time (zones.ts finds the zone). Luxon does the
 * zone arithmetic, so DST days are right: a 09:00 window on a 23-hour or 25-hour day still starts
 * when the customer's clock shows 09:00.
 */

const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

function clockMinutes(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

/** "09:00-12:00": start inclusive, end exclusive, 24:00 allowed as an end. */
const WindowText = z
  .string()
  .max(11)
  .transform((text, ctx) => {
    const [from, to, extra] = text.split('-');
    const start = from === undefined ? null : clockMinutes(from);
    const end = to === undefined ? null : clockMinutes(to);
    if (extra !== undefined || start === null || end === null || start === 24 * 60) {
      ctx.addIssue({ code: 'custom', message: 'must look like "09:00-12:00" (24-hour clock, end may be 24:00)' });
      return z.NEVER;
    }
    if (start >= end) {
      ctx.addIssue({ code: 'custom', message: `starts at or after its end: ${text}` });
      return z.NEVER;
    }
    return { from: start, to: end };
  });

export interface CallWindow {
  /** Minutes after local midnight, inclusive. */
  from: number;
  /** Minutes after local midnight, exclusive (1440 = midnight at the end of the day). */
  to: number;
}

const DayWindows = z
  .array(WindowText)
  .max(12)
  .default([])
  .superRefine((windows, ctx) => {
    const sorted = [...windows].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev && cur && cur.from < prev.to) ctx.addIssue({ code: 'custom', message: 'windows overlap' });
    }
  });

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const CallingCalendar = z
  .strictObject({
    weekly: z.strictObject({ mon: DayWindows, tue: DayWindows, wed: DayWindows, thu: DayWindows, fri: DayWindows, sat: DayWindows, sun: DayWindows }),
    /** Local dates with no calls at all, e.g. "2026-10-01". */
    holidays: z
      .array(z.iso.date({ message: 'must be a date such as 2026-10-01' }))
      .max(2000)
      .default([]),
  })
  .transform(({ weekly, holidays }): { days: readonly (readonly CallWindow[])[]; holidays: ReadonlySet<string> } => ({
    // Index 0 = Monday, matching luxon's weekday - 1.
    days: WEEKDAYS.map((day) => [...weekly[day]].sort((a, b) => a.from - b.from)),
    holidays: new Set(holidays),
  }));
export type CallingCalendar = z.output<typeof CallingCalendar>;
export type CallingCalendarInput = z.input<typeof CallingCalendar>;

export const parseCallingCalendar = (input: unknown): ParseResult<CallingCalendar> => parseWith(CallingCalendar, input);
export const loadCallingCalendar = (input: unknown): CallingCalendar => loadWith(CallingCalendar, input, 'calling windows');

/** Mon–Sat 09:00–12:00 and 14:00–20:00, no Sundays: the issue's example, a common contact-centre rule. */
export const DEFAULT_CALENDAR_INPUT: CallingCalendarInput = {
  weekly: {
    mon: ['09:00-12:00', '14:00-20:00'],
    tue: ['09:00-12:00', '14:00-20:00'],
    wed: ['09:00-12:00', '14:00-20:00'],
    thu: ['09:00-12:00', '14:00-20:00'],
    fri: ['09:00-12:00', '14:00-20:00'],
    sat: ['09:00-12:00', '14:00-20:00'],
    sun: [],
  },
  holidays: [],
};
export const DEFAULT_CALENDAR: CallingCalendar = CallingCalendar.parse(DEFAULT_CALENDAR_INPUT);

/** isValidZone builds an Intl formatter each time (~0.5 ms); zones are few, so remember the answer. */
const validZones = new Set<string>();

function checkZone(zone: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`zone: not an IANA time zone: ${JSON.stringify(zone)}`);
  validZones.add(zone);
}

function callableLocal(local: DateTime, calendar: CallingCalendar): boolean {
  if (calendar.holidays.size > 0 && calendar.holidays.has(local.toISODate() ?? '')) return false;
  const minute = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
  const windows = calendar.days[local.weekday - 1] ?? [];
  return windows.some((w) => w.from <= minute && minute < w.to);
}

export function isCallableMs(at: Millis, zone: string, calendar: CallingCalendar): boolean {
  checkZone(zone);
  return callableLocal(DateTime.fromMillis(at, { zone }), calendar);
}

/** May the customer be called at this instant, by their own clock and calendar? */
export function canCallAt(at: string, zone: string, calendar: CallingCalendar = DEFAULT_CALENDAR): boolean {
  return isCallableMs(toMillis(at, 'at'), zone, calendar);
}

/** A year and a week: every weekday and every holiday of a yearly list has come round by then. */
const HORIZON_DAYS = 373;

/**
 * The earliest callable instant ≥ `at`, or null when the calendar allows none within a year.
 *
 * Callability only switches on at (a) an instant where the local clock reaches a window's start —
 * once, or twice when DST repeats that hour — or (b) an offset change, when the clock jumps into a
 * window (a window starting inside the spring-forward gap opens at the jump, not an hour later).
 * So checking those candidates day by day, in order, finds the exact minimum.
 */
export function nextAllowedMs(at: Millis, zone: string, calendar: CallingCalendar): Millis | null {
  checkZone(zone);
  if (callableLocal(DateTime.fromMillis(at, { zone }), calendar)) return at;
  if (calendar.days.every((d) => d.length === 0)) return null;
  // Walk local calendar dates as UTC dates (cheap arithmetic), converting only day and window starts.
  let date = DateTime.fromMillis(at, { zone }).setZone('utc', { keepLocalTime: true }).startOf('day');
  const startOf = (d: DateTime) => DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone });
  let dayStart = startOf(date);
  let best: Millis | null = null;
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    // Candidates of a later day are all later than its start, so the search can stop here.
    if (best !== null && dayStart.toMillis() > best) break;
    const nextDate = date.plus({ days: 1 });
    const nextStart = startOf(nextDate);
    const shifts = nextStart.offset !== dayStart.offset;
    const candidates: Millis[] = [];
    for (const w of calendar.days[date.weekday - 1] ?? []) {
      const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(w.from / 60), minute: w.from % 60 }, { zone });
      // Only on a day whose offset changes can a start be ambiguous (both occurrences count) or missing.
      if (shifts) for (const c of local.getPossibleOffsets()) candidates.push(c.toMillis());
      else candidates.push(local.toMillis());
    }
    if (shifts) {
      const jump = offsetChange(dayStart.toMillis(), nextStart.toMillis(), zone);
      if (jump !== null) candidates.push(jump);
    }
    for (const c of candidates) {
      if (c > at && (best === null || c < best) && callableLocal(DateTime.fromMillis(c, { zone }), calendar)) best = c;
    }
    date = nextDate;
    dayStart = nextStart;
  }
  return best;
}

/** nextAllowedMs for ISO instants. */
export function nextAllowedTime(at: string, zone: string, calendar: CallingCalendar = DEFAULT_CALENDAR): string | null {
  const next = nextAllowedMs(toMillis(at, 'at'), zone, calendar);
  return next === null ? null : toIso(next);
}

/**
 * The first instant in (from, to] whose UTC offset differs from `from`'s, if any (one change per
 * day at most, which holds for every real zone). Binary search on the offset: ~27 lookups.
 */
function offsetChange(from: Millis, to: Millis, zone: string): Millis | null {
  const offsetAt = (ms: Millis) => DateTime.fromMillis(ms, { zone }).offset;
  const before = offsetAt(from);
  if (offsetAt(to) === before || to - from > 2 * DAY_MS) return null;
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
