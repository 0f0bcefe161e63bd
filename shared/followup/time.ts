import { DateTime, Duration } from 'luxon';
import { z } from 'zod';

/**
 * Instants cross module boundaries as ISO-8601 strings (the domain's `Instant`), but arithmetic
 * happens on epoch milliseconds: comparing strings with different offsets would be wrong, and
 * parsing once keeps the hot paths (sorting, window search) cheap.
 */
export type Millis = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The ECMAScript date-time format, whose parsing Date.parse is specified (not guessed) for. */
const ES_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses an ISO instant; throws naming `field` so a bad timestamp never turns into NaN silently. */
export function toMillis(iso: string, field = 'instant'): Millis {
  // Fast path for the canonical shape (every stored Instant): Date.parse is ~100× cheaper than
  // luxon, which matters when sorting a queue. Date.parse rolls 02-30 over, so check the day here.
  const m = ES_DATE_TIME.exec(iso);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const max = month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
    const ms = Date.parse(iso);
    if (day >= 1 && day <= max && Number.isFinite(ms)) return ms;
  }
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new RangeError(`${field}: not an ISO-8601 instant: ${JSON.stringify(iso)}`);
  return dt.toMillis();
}

/** Canonical UTC form, e.g. 2026-11-25T08:00:00.000Z, so ids and equality checks are stable. */
export function toIso(ms: Millis): string {
  const iso = DateTime.fromMillis(ms, { zone: 'utc' }).toISO();
  if (iso === null) throw new RangeError(`instant out of range: ${ms}`);
  return iso;
}

/**
 * Rule delays, due windows and backoff steps are ISO-8601 durations ("P2D", "PT4H", "P1DT12H").
 * Months and years are refused: their length depends on the start date, which would make
 * "due within P1M" mean different things for different customers.
 */
export const IsoDuration = z
  .string()
  .max(40)
  .refine((text) => parseDurationMs(text) !== null, {
    message: 'must be an ISO-8601 duration in weeks, days, hours or minutes, such as P2D, PT4H or P1DT12H',
  });

/** Milliseconds of an ISO duration, or null when it is malformed, negative or uses months/years. */
export function parseDurationMs(text: string): Millis | null {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) return null;
  if (duration.years !== 0 || duration.quarters !== 0 || duration.months !== 0) return null;
  const ms = duration.as('milliseconds');
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** For values already validated by `IsoDuration`. */
export function durationMs(text: string): Millis {
  const ms = parseDurationMs(text);
  if (ms === null) throw new RangeError(`not a supported ISO-8601 duration: ${JSON.stringify(text)}`);
  return ms;
}
