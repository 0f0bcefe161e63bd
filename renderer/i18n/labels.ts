import { type i18n as I18n } from 'i18next';

/** Groups whose values are free strings in the data (the host may send types we have no text for). */
export type OpenLabelGroup = 'followup.type' | 'followup.outcome' | 'call.disposition' | 'customer.segment' | 'customer.tag';

/**
 * Translates a value from an open set: known values get their translation, unknown ones a readable
 * form of the raw value ("payment_overdue" → "Payment overdue") instead of a raw key on screen.
 */
export function openLabel(i18n: I18n, group: OpenLabelGroup, value: string): string {
  const key = `${group}.${value}`;
  // The key is dynamic by nature, so it is checked with exists() rather than by the typed t().
  if (i18n.exists(key)) return (i18n.t as (k: string) => string)(key);
  return humanize(value);
}

export function humanize(value: string): string {
  const spaced = value.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** 75 → "1 min 15 s" in the UI language. */
export function formatDuration(i18n: I18n, totalSec: number): string {
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  if (h > 0) return i18n.t('duration.hours', { h, m });
  if (m > 0) return i18n.t('duration.minutes', { m, s });
  return i18n.t('duration.seconds', { s });
}
