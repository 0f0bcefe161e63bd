import { IANAZone } from 'luxon';
import type { Customer } from '../domain';
import { normalizePhone, soleRegionOf } from '../phone/normalize';

/**
 * Which clock a customer lives by, for calling windows. In order of trust:
 *   1. Customer.timeZone, when it is a valid IANA zone (set it for anyone in a multi-zone country);
 *   2. the region of the number being dialled (libphonenumber-js), then Customer.region, mapped
 *      through REGION_ZONES;
 *   3. the deployment's default zone.
 * libphonenumber-js has no geocoder, so a +1 number only says "US"; for the countries spanning
 * several zones (MULTI_ZONE_REGIONS) we take the zone most of the population lives in and say so
 * in the result (`approximate: true`), so the console can show a hint and compliance can require
 * an explicit Customer.timeZone there.
 */
export const REGION_ZONES: Readonly<Record<string, string>> = {
  // East and South-East Asia
  CN: 'Asia/Shanghai', HK: 'Asia/Hong_Kong', MO: 'Asia/Macau', TW: 'Asia/Taipei', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  MN: 'Asia/Ulaanbaatar', SG: 'Asia/Singapore', MY: 'Asia/Kuala_Lumpur', TH: 'Asia/Bangkok', VN: 'Asia/Ho_Chi_Minh',
  PH: 'Asia/Manila', ID: 'Asia/Jakarta', KH: 'Asia/Phnom_Penh', LA: 'Asia/Vientiane', MM: 'Asia/Yangon', BN: 'Asia/Brunei',
  // South and Central Asia, Middle East
  IN: 'Asia/Kolkata', PK: 'Asia/Karachi', BD: 'Asia/Dhaka', LK: 'Asia/Colombo', NP: 'Asia/Kathmandu', KZ: 'Asia/Almaty',
  UZ: 'Asia/Tashkent', AE: 'Asia/Dubai', SA: 'Asia/Riyadh', QA: 'Asia/Qatar', KW: 'Asia/Kuwait', BH: 'Asia/Bahrain',
  OM: 'Asia/Muscat', IL: 'Asia/Jerusalem', JO: 'Asia/Amman', IR: 'Asia/Tehran', TR: 'Europe/Istanbul',
  // Europe
  GB: 'Europe/London', GG: 'Europe/Guernsey', JE: 'Europe/Jersey', IM: 'Europe/Isle_of_Man', IE: 'Europe/Dublin', FR: 'Europe/Paris', DE: 'Europe/Berlin', NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels', LU: 'Europe/Luxembourg', CH: 'Europe/Zurich', AT: 'Europe/Vienna', IT: 'Europe/Rome',
  ES: 'Europe/Madrid', PT: 'Europe/Lisbon', SE: 'Europe/Stockholm', NO: 'Europe/Oslo', DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki', IS: 'Atlantic/Reykjavik', PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava',
  HU: 'Europe/Budapest', RO: 'Europe/Bucharest', BG: 'Europe/Sofia', GR: 'Europe/Athens', HR: 'Europe/Zagreb',
  SI: 'Europe/Ljubljana', RS: 'Europe/Belgrade', UA: 'Europe/Kyiv', BY: 'Europe/Minsk', LT: 'Europe/Vilnius',
  LV: 'Europe/Riga', EE: 'Europe/Tallinn', RU: 'Europe/Moscow', CY: 'Asia/Nicosia', MT: 'Europe/Malta',
  // Africa
  EG: 'Africa/Cairo', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi', MA: 'Africa/Casablanca',
  GH: 'Africa/Accra', ET: 'Africa/Addis_Ababa', TZ: 'Africa/Dar_es_Salaam', DZ: 'Africa/Algiers', TN: 'Africa/Tunis',
  CD: 'Africa/Kinshasa',
  // Americas
  US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires', CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima',
  VE: 'America/Caracas', EC: 'America/Guayaquil', UY: 'America/Montevideo', PY: 'America/Asuncion', BO: 'America/La_Paz',
  CR: 'America/Costa_Rica', PA: 'America/Panama', GT: 'America/Guatemala', DO: 'America/Santo_Domingo',
  PR: 'America/Puerto_Rico', JM: 'America/Jamaica', CU: 'America/Havana',
  // Oceania
  AU: 'Australia/Sydney', NZ: 'Pacific/Auckland',
};

/** Countries whose mainland or main islands span several zones: the table holds the most populous one. */
export const MULTI_ZONE_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'BR', 'RU', 'AU', 'ID', 'KZ', 'MN', 'CD', 'CL', 'EC', 'PT', 'ES', 'NZ']);

export type ZoneSource = 'customer' | 'number' | 'customer_region' | 'default';

export interface ZoneResolution {
  zone: string;
  source: ZoneSource;
  /** Region the zone came from, when it came from one. */
  region: string | null;
  /** True when the zone is a guess inside a multi-zone country, or the deployment default. */
  approximate: boolean;
  /** Why a more trusted source was passed over, e.g. an invalid Customer.timeZone. */
  notes: string[];
}

export interface ZoneOptions {
  /** Region for reading national-format numbers, as in shared/phone. */
  defaultRegion: string;
  /** Zone when nothing else is known: usually the contact centre's own. */
  defaultZone: string;
  /** Overrides and additions to REGION_ZONES, e.g. {US: 'America/Chicago'}. */
  zoneByRegion?: Readonly<Record<string, string>>;
}

/** IANAZone.isValidZone builds an Intl formatter each time (~0.2 ms); zones are few, so remember the answer. */
const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // Bounded: a store full of distinct garbage zones must not grow this without limit.
    if (zoneValidity.size < 10_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

export function zoneFor(customer: Pick<Customer, 'timeZone' | 'region'>, number: string | null, options: ZoneOptions): ZoneResolution {
  const notes: string[] = [];
  if (customer.timeZone !== null) {
    if (isValidZone(customer.timeZone)) return { zone: customer.timeZone, source: 'customer', region: null, approximate: false, notes };
    notes.push(`customer.timeZone ${JSON.stringify(customer.timeZone)} is not an IANA zone`);
  }
  const lookup = (region: string | null): string | null => {
    if (region === null) return null;
    const zone = options.zoneByRegion?.[region] ?? REGION_ZONES[region] ?? null;
    return zone !== null && isValidZone(zone) ? zone : null;
  };
  if (number !== null) {
    // Stored numbers are E.164, mostly under a code only one country uses: no parse needed for those.
    const sole = soleRegionOf(number);
    const parsed = sole === null ? normalizePhone(number, options.defaultRegion) : ({ ok: true, region: sole } as const);
    const region = parsed.ok ? parsed.region : null;
    const zone = lookup(region);
    if (zone !== null && region !== null) return { zone, source: 'number', region, approximate: MULTI_ZONE_REGIONS.has(region) && options.zoneByRegion?.[region] === undefined, notes };
    notes.push(parsed.ok ? `no zone known for the number's region ${String(region)}` : `the number could not be read (${parsed.reason})`);
  }
  const region = customer.region?.toUpperCase() ?? null;
  const zone = lookup(region);
  if (zone !== null && region !== null) return { zone, source: 'customer_region', region, approximate: MULTI_ZONE_REGIONS.has(region) && options.zoneByRegion?.[region] === undefined, notes };
  if (!isValidZone(options.defaultZone)) throw new RangeError(`defaultZone: not an IANA time zone: ${JSON.stringify(options.defaultZone)}`);
  return { zone: options.defaultZone, source: 'default', region: null, approximate: true, notes };
}
