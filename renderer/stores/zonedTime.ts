import { DateTime } from 'luxon';

/**
 * Times the agent types for a customer (callback, reschedule) are wall-clock times in the
 * customer's zone, not the agent's: "10:00" for a customer in Ürümqi or San Francisco means their
 * 10:00. The form holds the `datetime-local` text; the host gets an instant.
 */
export const LOCAL_INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** "2026-11-26T10:00" in `zone` → ISO instant (UTC), or null when the text is not a valid time there. */
export function zonedInputToInstant(text: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** An instant as the `datetime-local` text of `zone`. */
export function instantToZonedInput(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return dt.isValid ? dt.toFormat(LOCAL_INPUT_FORMAT) : '';
}

/** Wall-clock text of an instant in `zone` for reading: "11-26 10:00" style via Intl in the UI language. */
export function formatInZone(iso: string, zone: string, language: string, withDate = true): string {
  try {
    return new Intl.DateTimeFormat(language, {
      ...(withDate ? { month: 'short', day: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** The first ISO instant written in a message ("… next allowed 2026-11-26T01:00:00.000Z"): the host's suggestion. */
export function instantIn(message: string): string | null {
  const match = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})/.exec(message);
  if (!match) return null;
  const ms = Date.parse(match[0]);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
