import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MULTI_ZONE_REGIONS, REGION_ZONES, zoneFor } from './zones';

const options = { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai' };
const who = (timeZone: string | null, region: string | null = null) => ({ timeZone, region });

describe('zoneFor', () => {
  it('every zone in the table is a real IANA zone, every multi-zone region is in the table', () => {
    for (const [region, zone] of Object.entries(REGION_ZONES)) expect(IANAZone.isValidZone(zone), `${region} → ${zone}`).toBe(true);
    for (const region of MULTI_ZONE_REGIONS) expect(REGION_ZONES[region], region).toBeDefined();
  });

  it('trusts the customer’s own zone first', () => {
    expect(zoneFor(who('America/Los_Angeles'), '+14155552671', options)).toEqual({ zone: 'America/Los_Angeles', source: 'customer', region: null, approximate: false, notes: [] });
  });

  it('falls back to the number’s region, flagging multi-zone countries as approximate', () => {
    expect(zoneFor(who(null), '+8613800138000', options)).toMatchObject({ zone: 'Asia/Shanghai', source: 'number', region: 'CN', approximate: false });
    expect(zoneFor(who(null), '+14155552671', options)).toMatchObject({ zone: 'America/New_York', source: 'number', region: 'US', approximate: true });
    expect(zoneFor(who(null), '+442079460958', options)).toMatchObject({ zone: 'Europe/London', region: 'GB', approximate: false });
    expect(zoneFor(who(null), '+447911123456', options)).toMatchObject({ zone: 'Europe/Guernsey', region: 'GG' });
    expect(zoneFor(who(null), '+61412345678', options)).toMatchObject({ zone: 'Australia/Sydney', region: 'AU', approximate: true });
  });

  it('reads national numbers in the default region', () => {
    expect(zoneFor(who(null), '138 0013 8000', options)).toMatchObject({ zone: 'Asia/Shanghai', source: 'number' });
  });

  it('a deployment may pick another zone for a region, which is then not a guess', () => {
    expect(zoneFor(who(null), '+14155552671', { ...options, zoneByRegion: { US: 'America/Los_Angeles' } })).toMatchObject({ zone: 'America/Los_Angeles', approximate: false });
  });

  it('passes over an invalid customer zone and says so', () => {
    const z = zoneFor(who('Beijing'), '+8613800138000', options);
    expect(z).toMatchObject({ zone: 'Asia/Shanghai', source: 'number' });
    expect(z.notes[0]).toMatch(/Beijing/);
  });

  it('then the customer’s region, then the default', () => {
    expect(zoneFor(who(null, 'jp'), null, options)).toMatchObject({ zone: 'Asia/Tokyo', source: 'customer_region' });
    const fallback = zoneFor(who(null, 'ZZ'), 'garbage', options);
    expect(fallback).toMatchObject({ zone: 'Asia/Shanghai', source: 'default', approximate: true });
    expect(fallback.notes).toEqual(['the number could not be read (not_a_number)']);
  });
});

describe('zoneFor on stored E.164 numbers', () => {
  it('takes the country from a calling code only one country uses, even for a range libphonenumber does not know yet', () => {
    // +86 199… is not in every release's tables; the call still rings in China.
    expect(zoneFor(who(null, 'JP'), '+8610000000000', options)).toMatchObject({ zone: 'Asia/Shanghai', source: 'number', region: 'CN' });
    expect(zoneFor(who(null), '+81312345678', options)).toMatchObject({ zone: 'Asia/Tokyo', source: 'number', region: 'JP' });
  });

  it('still parses numbers under a shared calling code, which needs the number plan to tell the country', () => {
    expect(zoneFor(who(null), '+16135550123', options)).toMatchObject({ region: 'CA', zone: 'America/Toronto' });
    expect(zoneFor(who(null), '+77012345678', options)).toMatchObject({ region: 'KZ', zone: 'Asia/Almaty' });
    expect(zoneFor(who(null, 'CN'), '+18005550000999', options)).toMatchObject({ source: 'customer_region' });
  });
});
