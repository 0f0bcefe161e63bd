import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITABLE_CUSTOMER_FIELDS } from './messages';
import { ANY_FIELD, clockOf, packClocks } from './packed-clocks';

const hlc = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('server', 'console-1')).map(([t, node]) => `${String(t).padStart(15, '0')}:00000:${node}`);
const clocks = fc.dictionary(fc.constantFrom(...EDITABLE_CUSTOMER_FIELDS), hlc);

describe('packed clocks', () => {
  it('give every field the clock it had, and name no field twice', () => {
    fc.assert(
      fc.property(clocks, (plain) => {
        const packed = packClocks(plain);
        const sameSet = Object.keys(plain).length === 0 || Object.keys(packed).length <= Object.keys(plain).length;
        expect(sameSet).toBe(true);
        for (const f of Object.keys(plain)) expect(clockOf(packed, f)).toBe(plain[f]);
      }),
    );
  });

  it('send one clock for a customer whose fields share it', () => {
    const one = '000000000000007:00000:server';
    const plain = Object.fromEntries(EDITABLE_CUSTOMER_FIELDS.map((f) => [f, one]));
    expect(packClocks(plain)).toEqual({ [ANY_FIELD]: one });
    expect(packClocks({ ...plain, name: '000000000000009:00000:console-1' })).toEqual({ [ANY_FIELD]: one, name: '000000000000009:00000:console-1' });
  });

  it('leave maps without a shared clock as they are', () => {
    expect(packClocks({})).toEqual({});
    expect(packClocks({ name: '000000000000001:00000:a', city: '000000000000002:00000:a' })).toEqual({ name: '000000000000001:00000:a', city: '000000000000002:00000:a' });
  });
});
