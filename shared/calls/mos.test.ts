import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODECS, estimateMos, qualityBand } from './mos';

describe('estimateMos', () => {
  it('rates a clean loopback call as good', () => {
    const mos = estimateMos({ rttMs: 1, jitterMs: 0.5, lossPct: 0 });
    expect(mos).toBeGreaterThanOrEqual(4.3);
    expect(qualityBand(mos)).toBe('good');
  });

  it('rates 5% loss with 300 ms RTT as poor', () => {
    const mos = estimateMos({ rttMs: 300, jitterMs: 40, lossPct: 5 }, CODECS.pcmu);
    expect(qualityBand(mos)).toBe('poor');
  });

  it('never leaves 1–4.5 and never rises as any impairment grows', () => {
    const sample = fc.record({
      rttMs: fc.double({ min: 0, max: 2000, noNaN: true }),
      jitterMs: fc.double({ min: 0, max: 500, noNaN: true }),
      lossPct: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(sample, fc.constantFrom('rttMs', 'jitterMs', 'lossPct' as const), fc.double({ min: 0, max: 50, noNaN: true }), (s, key, extra) => {
        const before = estimateMos(s);
        const worse = { ...s, [key]: key === 'lossPct' ? Math.min(100, s[key] + extra) : s[key] + extra };
        const after = estimateMos(worse);
        expect(before).toBeGreaterThanOrEqual(1);
        expect(before).toBeLessThanOrEqual(4.5);
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('treats garbage stats (NaN, negative) as no impairment rather than crashing', () => {
    expect(estimateMos({ rttMs: Number.NaN, jitterMs: -5, lossPct: Number.NaN })).toBeGreaterThan(4.3);
  });
});
