import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallingCalendar, isCallableMs, nextAllowedMs, type CallingCalendarInput } from './windows';
import { DAY_MS, MINUTE_MS } from './time';

/**
 * Property tests for calling windows. The oracle reads the customer's wall clock with Intl (not
 * luxon, which the code under test uses), so a zone bug in either shows up as a disagreement.
 */

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Shanghai', 'Australia/Lord_Howe'] as const;

/** DST transition days of 2026 (UTC instants near the switch), where the interesting bugs live. */
const TRANSITIONS = [
  Date.UTC(2026, 2, 8, 7), // New York spring forward
  Date.UTC(2026, 10, 1, 6), // New York fall back
  Date.UTC(2026, 2, 29, 1), // London spring forward
  Date.UTC(2026, 9, 25, 1), // London fall back
  Date.UTC(2026, 3, 4, 16), // Sydney fall back (05 Apr 03:00 AEDT)
  Date.UTC(2026, 9, 3, 16), // Sydney spring forward (04 Oct 02:00 AEST)
  Date.UTC(2026, 3, 4, 15), // Lord Howe: a 30-minute shift
];

const WEEKDAY = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 } as const;
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, zone: string): { date: string; weekday: number; minute: number } {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
    });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  const num = (key: string) => Number(parts[key]);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY[parts.weekday as keyof typeof WEEKDAY],
    minute: num('hour') * 60 + num('minute') + num('second') / 60 + num('fractionalSecond') / 60_000,
  };
}

type Raw = { weekly: Record<string, [number, number][]>; holidays: string[] };
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function oracle(ms: number, zone: string, raw: Raw): boolean {
  const local = wallClock(ms, zone);
  if (raw.holidays.includes(local.date)) return false;
  const windows = raw.weekly[DAY_NAMES[local.weekday] ?? 'mon'] ?? [];
  return windows.some(([from, to]) => from <= local.minute && local.minute < to);
}

/** Non-overlapping windows per day from sorted distinct cut points, at 15-minute or 1-minute grain. */
const dayWindows = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 96 }).map((q) => q * 15), fc.integer({ min: 0, max: 1440 })), { maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const windows: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const from = sorted[i];
      const to = sorted[i + 1];
      if (from !== undefined && to !== undefined && from < 1440) windows.push([from, to]);
    }
    return windows;
  });

const holidayDates = fc.uniqueArray(
  fc.constantFrom('2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-03-09', '2026-06-15'),
  { maxLength: 3 },
);

const rawCalendar: fc.Arbitrary<Raw> = fc.record({
  weekly: fc.record(Object.fromEntries(DAY_NAMES.map((d) => [d, dayWindows])) as Record<(typeof DAY_NAMES)[number], typeof dayWindows>),
  holidays: holidayDates,
});

function toCalendar(raw: Raw): CallingCalendar {
  const weekly = Object.fromEntries(DAY_NAMES.map((d) => [d, (raw.weekly[d] ?? []).map(([f, t]) => `${hhmm(f)}-${hhmm(t)}`)]));
  return CallingCalendar.parse({ weekly, holidays: raw.holidays } satisfies CallingCalendarInput);
}

/** Mostly within two days of a DST switch, sometimes anywhere in the year; at any millisecond. */
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS })).map(([t, d]) => t + d),
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
);

const zone = fc.constantFrom(...ZONES);

describe('calling windows (property)', () => {
  it('an instant is callable exactly when the customer’s wall clock is inside a window on a non-holiday', () => {
    fc.assert(
      fc.property(rawCalendar, zone, instant, (raw, z, at) => {
        expect(isCallableMs(at, z, toCalendar(raw))).toBe(oracle(at, z, raw));
      }),
      { numRuns: 400 },
    );
  });

  it('nextAllowedTime is callable, not earlier than asked, and minimal', () => {
    fc.assert(
      fc.property(rawCalendar, zone, instant, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }), (raw, z, at, probes) => {
        const calendar = toCalendar(raw);
        const next = nextAllowedMs(at, z, calendar);
        if (next === null) {
          // Only when no day of the week has any window left after holidays.
          expect(Object.values(raw.weekly).every((w) => w.length === 0)).toBe(true);
          return;
        }
        expect(next).toBeGreaterThanOrEqual(at);
        expect(oracle(next, z, raw)).toBe(true);
        if (next === at) return;
        // Callability only changes on whole minutes after the start: probe just before the answer,
        // every minute boundary near both ends, and random points in between.
        const points = [at, next - 1, next - MINUTE_MS, ...probes.map((p) => at + Math.floor(p * (next - at)))];
        const firstMinute = Math.ceil(at / MINUTE_MS) * MINUTE_MS;
        for (let m = firstMinute; m < next && m < firstMinute + 90 * MINUTE_MS; m += MINUTE_MS) points.push(m);
        for (let m = next - MINUTE_MS; m >= at && m > next - 90 * MINUTE_MS; m -= MINUTE_MS) points.push(m);
        for (const p of points) if (p >= at && p < next) expect(oracle(p, z, raw), `callable at ${new Date(p).toISOString()}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
