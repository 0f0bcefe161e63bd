import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDurationMs, toIso, toMillis } from './time';

describe('time helpers', () => {
  it('parses instants with any offset to the same millisecond as luxon', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom('UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu'), (ms, zone) => {
        const iso = DateTime.fromMillis(ms, { zone }).toISO() ?? '';
        expect(toMillis(iso)).toBe(ms);
        expect(toMillis(toIso(ms))).toBe(ms);
      }),
    );
  });

  it.each(['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T25:00:00Z', 'yesterday', ''])('refuses %j naming the field', (bad) => {
    expect(() => toMillis(bad, 'task.dueAt')).toThrow(/^task\.dueAt: /);
  });

  it('accepts leap days only in leap years', () => {
    expect(toIso(toMillis('2028-02-29T00:00:00Z'))).toBe('2028-02-29T00:00:00.000Z');
    expect(() => toMillis('2026-02-29T00:00:00Z')).toThrow();
  });

  it('durations: weeks to seconds, never months or negatives', () => {
    expect(parseDurationMs('P1DT2H')).toBe(26 * 3_600_000);
    expect(parseDurationMs('P1W')).toBe(7 * 86_400_000);
    expect(parseDurationMs('P1M')).toBeNull();
    expect(parseDurationMs('PT-1H')).toBeNull();
    expect(parseDurationMs('2 days')).toBeNull();
  });
});
