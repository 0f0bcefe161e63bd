import { DateTime } from 'luxon';
import { z } from 'zod';
import { normalizePhone } from '../../shared/phone/normalize';

/**
 * Cell readers shared by every import kind. They accept what a CSV cell holds (always a string,
 * '' meaning empty) and what a JSON row holds (numbers, arrays, null), and produce domain values.
 */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const optText = (max: number) =>
  z.preprocess((v) => (blank(v) ? null : typeof v === 'number' ? String(v) : v), z.string().trim().max(max).nullable());
export const text = (max: number) => z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'is required').max(max));

/** Lists arrive as arrays (JSON) or as one cell split on | ; , and the Chinese separators ，、；. */
export const list = (max: number) =>
  z.preprocess(
    (v) => (blank(v) ? [] : typeof v === 'string' ? v.split(/[|;,，、；]/).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string().max(max)).max(50),
  );

export const enumCell = <T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) =>
  z.preprocess((v) => (blank(v) ? fallback : typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));

/** "2026-11-25T08:00:00+08:00", "2026-11-25 16:00:00", "2026/11/25 16:00": zone-less times are local to `zone`. */
export function instant(zone: string, required = true) {
  const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm', 'yyyy/M/d H:mm', 'yyyy-MM-dd', 'yyyy/MM/dd'];
  return z.preprocess(
    (v) => {
      if (blank(v)) return required ? undefined : null;
      if (typeof v !== 'string') return v;
      const s = v.trim();
      let dt = DateTime.fromISO(s, { zone, setZone: false });
      for (const f of FORMATS) if (!dt.isValid) dt = DateTime.fromFormat(s, f, { zone });
      return dt.isValid ? dt.toUTC().toISO() : s;
    },
    required ? z.iso.datetime({ offset: true, message: 'is not a date and time such as 2026-11-25 16:00:00' }) : z.iso.datetime({ offset: true }).nullable(),
  );
}

/** Money in major units ("199.90", 199.9) → minor units (19990), never through a float sum. */
export const amountMinor = z.preprocess((v) => {
  if (typeof v === 'number') return Math.round(v * 100);
  if (typeof v !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(v.trim().replace(/,/g, ''))) return v;
  const [whole, frac = ''] = v.trim().replace(/,/g, '').split('.');
  const sign = whole?.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, '0')));
}, z.number({ message: 'is not an amount such as 199.90' }).int());

export type PhoneOut = { e164: string; label: 'mobile'; isPrimary: boolean };
/** One or more numbers in a cell; each must be valid, the first is the primary one. */
export function phones(region: string) {
  return list(64).transform((raw, ctx): PhoneOut[] => {
    const out: PhoneOut[] = [];
    for (const r of raw) {
      const n = normalizePhone(r, region);
      if (!n.ok) {
        ctx.addIssue({ code: 'custom', message: `"${r}" is not a valid phone number (${n.reason})` });
        return z.NEVER;
      }
      if (!out.some((p) => p.e164 === n.e164)) out.push({ e164: n.e164, label: 'mobile', isPrimary: out.length === 0 });
    }
    return out;
  });
}

/** A JSON cell: an object in a JSON row, or JSON text in a CSV cell. */
export const jsonCell = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}, z.unknown());
