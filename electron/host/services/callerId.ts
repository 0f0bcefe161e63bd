import { normalizePhone, type NormalizeFailure } from '../../../shared/phone/normalize';

export type CallerId =
  | { status: 'number'; e164: string }
  | { status: 'anonymous' }
  | { status: 'invalid'; raw: string; reason: string };

/** What the panel may show of a bad caller ID: printable, at most this many UTF-16 units. */
export const MAX_EXCERPT = 80;

const REASONS: Record<Exclude<NormalizeFailure, 'anonymous' | 'empty'>, string> = {
  too_long: 'caller ID is too long to be a phone number',
  not_a_number: 'caller ID is not a phone number',
  invalid: 'caller ID is not a valid phone number',
};

/**
 * Reads a caller ID as the PBX sent it: a From or P-Asserted-Identity value (possibly with a
 * display name, brackets, parameters, percent-encoding, or two comma-separated identities),
 * a bare URI, or digits. The first identity that is a valid number wins.
 * A missing caller ID counts as withheld: to the agent that is the same thing.
 */
export function readCallerId(raw: string, defaultRegion: string): CallerId {
  const identities = splitIdentities(raw.trim());
  if (identities.length === 0) return { status: 'anonymous' };
  let firstFailure: keyof typeof REASONS | null = null;
  let anonymous = false;
  for (const identity of identities) {
    const result = normalizePhone(userPart(identity), defaultRegion);
    if (result.ok) return { status: 'number', e164: result.e164 };
    if (result.reason === 'anonymous' || result.reason === 'empty') anonymous = true;
    else firstFailure ??= result.reason;
  }
  if (anonymous && firstFailure === null) return { status: 'anonymous' };
  return { status: 'invalid', raw: safeExcerpt(raw), reason: REASONS[firstFailure ?? 'invalid'] };
}

/** `"Zhang" <sip:+86…@pbx>;tag=1, <tel:+86…>` → ['"Zhang" <sip:+86…@pbx>;tag=1', '<tel:+86…>'] */
function splitIdentities(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') depth += 1;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Leaves only the URI (or bare value) so a long display name does not make a number "too long";
 * percent-decodes it because some PBXs send "sip:%2B86…".
 */
function userPart(identity: string): string {
  const bracketed = /<([^>]*)>/.exec(identity);
  const uri = (bracketed?.[1] ?? identity).trim();
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/**
 * Control characters, bidi overrides and other invisible code points are replaced so a hostile
 * caller ID cannot reorder or hide text in the panel; cut on a code point boundary.
 */
export function safeExcerpt(raw: string): string {
  // Line breaks and tabs are whitespace, not hostile: fold them first, then mask what is left.
  const printable = raw.replace(/\s+/g, ' ').trim().replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '\uFFFD');
  if (printable.length <= MAX_EXCERPT) return printable;
  let excerpt = '';
  for (const ch of printable) {
    if (excerpt.length + ch.length > MAX_EXCERPT - 1) break;
    excerpt += ch;
  }
  return `${excerpt}…`;
}
