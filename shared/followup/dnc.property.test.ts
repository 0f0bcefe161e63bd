import fc from 'fast-check';
import examples from 'libphonenumber-js/mobile/examples';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { buildDncList, checkDialable } from './dnc';

/**
 * "A number on the list is never dialable, whatever path leads to it": the list is written one
 * way, the dial path spells the number another, and the check still says no.
 */

const REGIONS = ['CN', 'HK', 'US', 'GB', 'DE', 'FR', 'JP', 'AU', 'IN', 'BR', 'SG'] as const satisfies readonly CountryCode[];

/** Valid mobile numbers: a region's example with its last digits replaced, kept when still valid. */
const validNumber = fc
  .tuple(fc.constantFrom(...REGIONS), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }))
  .map(([region, tail]) => {
    const example = getExampleNumber(region, examples);
    if (!example) return null;
    const national = example.nationalNumber.slice(0, -tail.length) + tail.join('');
    const parsed = parsePhoneNumberFromString(national, region);
    return parsed?.isValid() ? { region, parsed } : null;
  })
  .filter((n): n is NonNullable<typeof n> => n !== null);

/** Separators people and PBXs put between digits. */
const noise = fc.array(fc.constantFrom('', '', ' ', '-', '.'), { minLength: 20, maxLength: 20 });

function sprinkle(digits: string, seps: readonly string[]): string {
  return [...digits].map((d, i) => d + (seps[i] ?? '')).join('').replace(/[-. ]+$/, '');
}

type Spelling = 'e164' | 'international' | 'national' | 'zeros' | 'tel' | 'sip' | 'named-sip' | 'noisy-e164' | 'noisy-national';
const SPELLINGS: readonly Spelling[] = ['e164', 'international', 'national', 'zeros', 'tel', 'sip', 'named-sip', 'noisy-e164', 'noisy-national'];

function spell(n: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>, how: Spelling, seps: readonly string[]): string {
  const e164 = n.number;
  switch (how) {
    case 'e164':
      return e164;
    case 'international':
      return n.formatInternational();
    case 'national':
      return n.formatNational();
    case 'zeros':
      return `00${e164.slice(1)}`;
    case 'tel':
      return n.getURI();
    case 'sip':
      return `sip:${e164}@pbx.example;user=phone`;
    case 'named-sip':
      return `"客户" <sip:${e164}@10.0.0.1>`;
    case 'noisy-e164':
      return `+${sprinkle(e164.slice(1), seps)}`;
    case 'noisy-national':
      return sprinkle(n.formatNational().replace(/\D/g, ''), seps);
  }
}

describe('do-not-call (property)', () => {
  it('a listed number is never dialable, however the list and the dial path spell it', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...SPELLINGS), fc.constantFrom(...SPELLINGS), noise, noise, fc.array(validNumber, { maxLength: 5 }), (n, listed, dialled, s1, s2, others) => {
        // National spellings only mean this number inside its own region: the list and the dial
        // path are each read with the region they were written in.
        const { list, rejected } = buildDncList([spell(n.parsed, listed, s1), ...others.map((o) => o.parsed.number)], n.region);
        expect(rejected).toEqual([]);
        const check = checkDialable(spell(n.parsed, dialled, s2), { list, defaultRegion: n.region });
        expect(check).toMatchObject({ ok: false, reason: 'on_dnc_list' });
      }),
      { numRuns: 500 },
    );
  });

  it('international spellings are refused whatever region the console is set to', () => {
    const international: Spelling[] = ['e164', 'international', 'zeros', 'tel', 'sip', 'named-sip', 'noisy-e164'];
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...international), fc.constantFrom(...REGIONS), noise, (n, dialled, consoleRegion, seps) => {
        const { list } = buildDncList([n.parsed.number], 'CN');
        expect(checkDialable(spell(n.parsed, dialled, seps), { list, defaultRegion: consoleRegion }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('an unlisted number is dialable as exactly its own E.164 (the check is not refusing everything)', () => {
    fc.assert(
      fc.property(validNumber, validNumber, fc.constantFrom(...SPELLINGS), noise, (n, other, dialled, seps) => {
        fc.pre(n.parsed.number !== other.parsed.number);
        const { list } = buildDncList([other.parsed.number], 'CN');
        expect(checkDialable(spell(n.parsed, dialled, seps), { list, defaultRegion: n.region })).toEqual({ ok: true, e164: n.parsed.number });
      }),
      { numRuns: 300 },
    );
  });
});
