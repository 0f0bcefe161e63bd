import { describe, expect, it } from 'vitest';
import { instantIn, instantToZonedInput, zonedInputToInstant } from './zonedTime';

describe('times typed on the customer’s clock', () => {
  it('turn into the instant of that wall time in their zone, DST included', () => {
    expect(zonedInputToInstant('2026-11-26T10:00', 'Asia/Shanghai')).toBe('2026-11-26T02:00:00.000Z');
    // New York: EDT (−4) before 1 Nov 2026, EST (−5) after.
    expect(zonedInputToInstant('2026-10-30T10:00', 'America/New_York')).toBe('2026-10-30T14:00:00.000Z');
    expect(zonedInputToInstant('2026-11-02T10:00', 'America/New_York')).toBe('2026-11-02T15:00:00.000Z');
    expect(instantToZonedInput('2026-11-02T15:00:00.000Z', 'America/New_York')).toBe('2026-11-02T10:00');
    expect(instantToZonedInput('2026-11-26T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-26T10:00');
  });

  it('refuse text that is not a time', () => {
    expect(zonedInputToInstant('', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputToInstant('2026-13-01T10:00', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputToInstant('tomorrow', 'Asia/Shanghai')).toBeNull();
  });

  it('find the host’s suggested time in its message', () => {
    expect(instantIn("at: is outside the customer's calling hours; the nearest allowed time is 2026-11-27T01:00:00.000Z (Asia/Shanghai)")).toBe('2026-11-27T01:00:00.000Z');
    expect(instantIn('next allowed 2026-11-27T09:00+08:00')).toBe('2026-11-27T01:00:00.000Z');
    expect(instantIn('must be within P30D')).toBeNull();
  });
});
