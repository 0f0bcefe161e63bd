import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type NormalizeFailure = 'empty' | 'anonymous' | 'too_long' | 'not_a_number' | 'invalid';
export type NormalizeResult = { ok: true; e164: string; region: string | null } | { ok: false; reason: NormalizeFailure };

/** Caller IDs longer than this are garbage from a broken PBX, not numbers. */
const MAX_RAW = 64;
const ANONYMOUS = /^(anonymous|unknown|unavailable|private|restricted|withheld)$/i;

/**
 * Turns whatever a person typed or a SIP header carried into E.164.
 * Accepts "138 0013 8000", "+86-138-0013-8000", "0086 138…", "sip:+86138…@host", "tel:+86…".
 */
export function normalizePhone(raw: string, defaultRegion: string): NormalizeResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.length > MAX_RAW) return { ok: false, reason: 'too_long' };
  const candidate = stripUri(trimmed);
  if (ANONYMOUS.test(candidate)) return { ok: false, reason: 'anonymous' };
  // Only digits, spaces and the usual separators may remain; letters mean this is not a number.
  if (!/^[+\d\s().\-/]+$/.test(candidate) || !/\d/.test(candidate)) return { ok: false, reason: 'not_a_number' };
  const international = candidate.replace(/^\s*00/, '+');
  const parsed = parsePhoneNumberFromString(international, toRegion(defaultRegion));
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: parsed.number, region: parsed.country ?? null };
}

/** True when a search query should be treated as a phone number rather than a name. */
export function looksLikePhone(query: string): boolean {
  const q = query.trim();
  return /^[+\d\s().\-/]+$/.test(q) && (q.match(/\d/g)?.length ?? 0) >= 5;
}

/** "sip:+8613800138000@pbx;user=phone" → "+8613800138000"; display names and brackets dropped. */
function stripUri(value: string): string {
  const bracketed = /<([^>]*)>/.exec(value);
  let v = bracketed?.[1] ?? value;
  v = v.replace(/^(sips?|tel):/i, '');
  const at = v.indexOf('@');
  if (at >= 0) v = v.slice(0, at);
  const semi = v.indexOf(';');
  if (semi >= 0) v = v.slice(0, semi);
  return v.trim();
}

function toRegion(region: string): CountryCode {
  return region.toUpperCase() as CountryCode;
}

/** Display form for agents: national format inside the default region, international outside it. */
export function formatPhone(e164: string, defaultRegion: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === toRegion(defaultRegion) ? parsed.formatNational() : parsed.formatInternational();
}

/** Calling code → its one country, for the codes only one country uses (+86 → CN; +1, +7, +44… are shared). */
const SOLE_REGION: ReadonlyMap<string, string> = (() => {
  const regions = new Map<string, string[]>();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    regions.set(code, [...(regions.get(code) ?? []), country]);
  }
  return new Map([...regions].flatMap(([code, list]) => (list.length === 1 && list[0] ? [[code, list[0]] as const] : [])));
})();
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The country an E.164 number rings in when its calling code alone says so, without a full parse
 * (≈25 µs each with the max metadata; a zone rebuild reads 100,000 numbers). Null for shared codes
 * (the +1 plan, +7, +44…), non-geographic codes and anything that is not E.164: parse those.
 * Unlike normalizePhone it does not check the number against the tables: a range opened after
 * this libphonenumber release still rings in its country.
 */
export function soleRegionOf(e164: string): string | null {
  if (!E164.test(e164)) return null;
  for (let digits = 1; digits <= 3; digits++) {
    const region = SOLE_REGION.get(e164.slice(1, 1 + digits));
    if (region !== undefined) return region;
  }
  return null;
}
