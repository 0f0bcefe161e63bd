import { KNOWN_NUMBERS } from './known';
import { CN_MOBILE_PREFIXES, HK_MOBILE_BLOCKS, SG_MOBILE_BLOCKS, UK_MOBILE_BLOCKS, type ChinaCity, type UsCity } from './places';

/**
 * Demo phone numbers as a bijection of (kind, slot): every slot gives a different number without
 * remembering what was issued, so 1M customers need no Set of 1M strings. The digits are an
 * affine permutation of the slot (multiplier coprime with the range), so neighbours do not look
 * sequential. All shapes here are valid for libphonenumber (checked by phones.test.ts).
 */

/** Numbers the well-known demo records own; generated numbers must never hit them. */
const reserved = new Set<string>(KNOWN_NUMBERS);

/** Slot offset for a second attempt when a generated number is reserved: far outside real slots. */
const RETRY_OFFSET = 900_000_000;

const multipliers = new Map<number, number>();

/** A multiplier coprime with `range` (so x → a·x + b mod range is a permutation), near the golden ratio of it. */
function multiplierFor(range: number): number {
  let a = multipliers.get(range);
  if (a === undefined) {
    a = Math.floor(range * 0.6180339887) | 1;
    while (gcd(a, range) !== 1) a += 2;
    multipliers.set(range, a);
  }
  return a;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Products stay below 2^53 for every range used here (≤ 10^8 · 10^8 would not; so split). */
function mulMod(a: number, x: number, range: number): number {
  const high = Math.floor(a / 65_536);
  const low = a % 65_536;
  return (((high * x) % range) * 65_536 + low * x) % range;
}

function permute(slot: number, range: number, salt: number): number {
  return (mulMod(multiplierFor(range), slot % range, range) + (salt % range)) % range;
}

function unreserved(make: (slot: number) => string, slot: number): string {
  const number = make(slot);
  return reserved.has(number) ? make(slot + RETRY_OFFSET) : number;
}

export function cnMobile(slot: number, salt: number): string {
  return unreserved((s) => {
    const prefix = CN_MOBILE_PREFIXES[s % CN_MOBILE_PREFIXES.length] ?? '138';
    const subscriber = permute(Math.floor(s / CN_MOBILE_PREFIXES.length), 100_000_000, salt);
    return `+86${prefix}${String(subscriber).padStart(8, '0')}`;
  }, slot);
}

/** Fixed line in the customer's city: 8-digit subscriber numbers starting 2–7 (80x is toll-free). */
export function cnLandline(city: ChinaCity, slot: number, salt: number): string {
  return unreserved((s) => `+86${city.areaCode}${20_000_000 + permute(s, 60_000_000, salt)}`, slot);
}

/** Exchange codes in use: no N11 service codes, no 555 (fiction and directory). */
const US_EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((n) => n % 100 !== 11 && n !== 555);

export function usNumber(city: UsCity, slot: number, salt: number): string {
  return unreserved((s) => {
    const areaCode = city.areaCodes[s % city.areaCodes.length] ?? '212';
    const x = permute(Math.floor(s / city.areaCodes.length), US_EXCHANGES.length * 10_000, salt);
    const exchange = US_EXCHANGES[Math.floor(x / 10_000)] ?? 200;
    return `+1${areaCode}${exchange}${String(x % 10_000).padStart(4, '0')}`;
  }, slot);
}

export function ukMobile(slot: number, salt: number): string {
  return unreserved((s) => {
    const x = permute(s, UK_MOBILE_BLOCKS.length * 1_000_000, salt);
    const block = UK_MOBILE_BLOCKS[Math.floor(x / 1_000_000)] ?? '7700';
    return `+44${block}${String(x % 1_000_000).padStart(6, '0')}`;
  }, slot);
}

/** Eight-digit mobile numbers: a two-digit block in use, then six digits. */
function blockNumber(countryCode: string, blocks: readonly string[], slot: number, salt: number): string {
  return unreserved((s) => {
    const x = permute(s, blocks.length * 1_000_000, salt);
    return `+${countryCode}${blocks[Math.floor(x / 1_000_000)] ?? blocks[0]}${String(x % 1_000_000).padStart(6, '0')}`;
  }, slot);
}

export const hkMobile = (slot: number, salt: number): string => blockNumber('852', HK_MOBILE_BLOCKS, slot, salt);
export const sgMobile = (slot: number, salt: number): string => blockNumber('65', SG_MOBILE_BLOCKS, slot, salt);
