import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideClaim, holdsLease, outcomeMayClose, type LeaseState } from './lease';

const HOUR = 3_600_000;

describe('task leases', () => {
  it('never have two live holders, and a holder keeps the task until its lease ends', () => {
    const claims = fc.array(fc.record({ who: fc.constantFrom('a1', 'a2', 'a3'), dt: fc.integer({ min: 0, max: 3 * HOUR }) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(claims, (steps) => {
        let state: LeaseState = { holder: null, leaseUntil: null, epoch: 0 };
        let now = 0;
        for (const { who, dt } of steps) {
          now += dt;
          const before = state;
          const d = decideClaim(state, who, now, 8 * HOUR);
          if (holdsLease(before, before.holder ?? '', now) && before.holder !== who) expect(d.granted).toBe(false);
          if (d.granted) {
            expect(d.lease.epoch).toBe(before.holder === who && d.renewed ? before.epoch : before.epoch + 1);
            state = d.lease;
          }
        }
      }),
    );
  });

  it('let an offline console close its task after the lease ran out, unless someone else claimed it since', () => {
    const mine = decideClaim({ holder: null, leaseUntil: null, epoch: 0 }, 'a1', 0, 8 * HOUR);
    if (!mine.granted) throw new Error('expected a grant');
    expect(holdsLease(mine.lease, 'a1', 7 * HOUR)).toBe(true);
    expect(outcomeMayClose(mine.lease, 'a1', mine.lease.epoch)).toBe(true);
    const theirs = decideClaim(mine.lease, 'a2', 9 * HOUR, 8 * HOUR);
    if (!theirs.granted) throw new Error('expected a grant after expiry');
    expect(outcomeMayClose(theirs.lease, 'a1', mine.lease.epoch)).toBe(false);
  });
});
