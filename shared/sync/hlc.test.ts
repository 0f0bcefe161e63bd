import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockSkewError, FieldClocks, compareHlc, decodeHlc, encodeHlc, receive, tick, zeroHlc, type Hlc } from './hlc';

const hlc: fc.Arbitrary<Hlc> = fc.record({
  wall: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: 1000 }),
  node: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
});

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    fc.assert(fc.property(hlc, (h) => {
      expect(decodeHlc(encodeHlc(h))).toEqual(h);
    }));
  });

  it('sorts as strings exactly as it compares as clocks', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const ea = encodeHlc(a);
        const eb = encodeHlc(b);
        expect(Math.sign(ea < eb ? -1 : ea > eb ? 1 : 0)).toBe(compareHlc(a, b));
      }),
    );
  });

  it('never goes backwards on one node, whatever the physical clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }), (walls) => {
        let clock = zeroHlc('n1');
        for (const physical of walls) {
          const next = tick(clock, physical);
          expect(compareHlc(next, clock)).toBe(1);
          expect(next.wall).toBeGreaterThanOrEqual(physical);
          clock = next;
        }
      }),
    );
  });

  it('orders a received event after both the local and the remote clock', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: 0, max: 4_102_444_800_000 }), (local, remote, physical) => {
        fc.pre(remote.wall - physical <= 60_000);
        const next = receive(local, remote, physical, 60_000);
        expect(compareHlc(next, local)).toBe(1);
        expect(next.wall > remote.wall || (next.wall === remote.wall && next.counter > remote.counter)).toBe(true);
        expect(next.node).toBe(local.node);
      }),
    );
  });

  it('refuses a remote clock far in the future instead of letting its writes win forever', () => {
    expect(() => receive(zeroHlc('s'), { wall: 10 * 60_000, counter: 0, node: 'c' }, 0)).toThrow(ClockSkewError);
  });
});

describe('FieldClocks (the clocks of a pulled customer)', () => {
  const clock = encodeHlc({ wall: 1_764_057_600_000, counter: 3, node: 'srv-1' });
  it('keeps a map of field → clock as it is', () => {
    expect(FieldClocks.parse({ name: clock, city: clock })).toEqual({ name: clock, city: clock });
    expect(FieldClocks.parse({})).toEqual({});
  });
  it('names the field whose clock is not one, and refuses anything but a map', () => {
    expect(FieldClocks.safeParse({ name: clock, city: '2026-11-25' }).error?.issues).toMatchObject([{ path: ['city'], message: 'must be an encoded hybrid logical clock' }]);
    expect(FieldClocks.safeParse({ city: 7 }).error?.issues[0]?.path).toEqual(['city']);
    for (const bad of [null, [clock], 'x', 3]) expect(FieldClocks.safeParse(bad).success).toBe(false);
  });
});
