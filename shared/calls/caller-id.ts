/**
 * Which caller ID to look up for an incoming INVITE. A PBX that knows the customer sets
 * `X-Customer-Id`; a trusted network asserts the caller with P-Asserted-Identity; else From.
 * Header values arrive raw (display name, URI, parameters): the host normalizes them.
 */
export interface CallerIdInput {
  raw: string;
  headers: Record<string, string>;
}

/** Headers forwarded to the lookup, lower-cased. Everything else stays in the softphone. */
const FORWARDED = ['x-customer-id', 'p-asserted-identity', 'from'] as const;
const MAX_HEADER = 2000;

export function callerIdFromHeaders(getHeader: (name: string) => string | undefined): CallerIdInput {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = getHeader(name);
    if (value !== undefined && value !== '') headers[name] = value.slice(0, MAX_HEADER);
  }
  const raw = headers['p-asserted-identity'] ?? headers['from'] ?? '';
  return { raw, headers };
}

/** The display name from a From/PAI value (`"Zhang San" <sip:…>`), for the ringing card. */
export function displayNameOf(headerValue: string): string | null {
  const quoted = /^\s*"((?:[^"\\]|\\.)*)"\s*</.exec(headerValue);
  if (quoted?.[1]) return quoted[1].replace(/\\(.)/g, '$1').slice(0, 80);
  const bare = /^\s*([^<"]+?)\s*</.exec(headerValue);
  return bare?.[1] ? bare[1].slice(0, 80) : null;
}
