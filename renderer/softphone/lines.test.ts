import { describe, expect, it } from 'vitest';
import { dtmfFromInfo, durationSec, newLine } from './lines';

describe('lines', () => {
  it('counts talk time from answer to end, not from ring', () => {
    const line = { ...newLine('l1', 'inbound', '13800138000', 0), answeredAt: 5_000, endedAt: 65_400 };
    expect(durationSec(line, 999_999)).toBe(60);
    expect(durationSec(newLine('l2', 'outbound', '2001', 0), 10_000)).toBe(0);
  });

  it('reads DTMF from SIP INFO bodies and ignores junk', () => {
    expect(dtmfFromInfo('application/dtmf-relay', 'Signal=5\r\nDuration=160')).toBe('5');
    expect(dtmfFromInfo('application/dtmf-relay', 'Signal= #\r\n')).toBe('#');
    expect(dtmfFromInfo('application/dtmf', '9')).toBe('9');
    expect(dtmfFromInfo('application/dtmf-relay', 'Signal=Z')).toBeNull();
    expect(dtmfFromInfo('text/plain', 'Signal=5')).toBeNull();
  });
});
