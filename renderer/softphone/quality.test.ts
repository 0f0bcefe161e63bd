import { describe, expect, it } from 'vitest';
import { readQuality } from './quality';

const report = (stats: Array<Record<string, unknown>>) => new Map(stats.map((s, i) => [String(i), s])) as unknown as RTCStatsReport;

describe('readQuality', () => {
  it('reads jitter, loss over the interval, RTT and byte counts', () => {
    const first = readQuality(
      report([
        { type: 'inbound-rtp', kind: 'audio', jitter: 0.004, packetsReceived: 100, packetsLost: 0, bytesReceived: 16_000 },
        { type: 'outbound-rtp', kind: 'audio', bytesSent: 15_000 },
        { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.02 },
      ]),
      null,
    );
    expect(first.quality).toMatchObject({ jitterMs: 4, lossPct: 0, rttMs: 20, bytesReceived: 16_000, bytesSent: 15_000 });
    expect(first.quality.mos).toBeGreaterThan(4.3);
    const second = readQuality(
      report([{ type: 'inbound-rtp', kind: 'audio', jitter: 0.03, packetsReceived: 190, packetsLost: 10, bytesReceived: 30_000 }]),
      first.next,
    );
    expect(second.quality.lossPct).toBeCloseTo(10, 5);
    expect(second.quality.mos).toBeLessThan(first.quality.mos);
  });

  it('ignores video and survives an empty report', () => {
    const q = readQuality(report([{ type: 'inbound-rtp', kind: 'video', jitter: 5, packetsReceived: 1, bytesReceived: 99 }]), null);
    expect(q.quality.bytesReceived).toBe(0);
    expect(q.quality.lossPct).toBe(0);
  });
});
