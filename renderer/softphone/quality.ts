import { estimateMos, type QualitySample } from '../../shared/calls/mos';

export interface LineQuality extends QualitySample {
  mos: number;
  /** Totals, so tests and the wrap-up can tell that audio really flowed both ways. */
  bytesReceived: number;
  bytesSent: number;
}

interface Previous {
  packetsReceived: number;
  packetsLost: number;
}

/**
 * Reads one getStats() report into the numbers agents and supervisors see. Loss is computed over
 * the interval since the previous reading (what the agent hears now), not since the call began.
 */
export function readQuality(report: RTCStatsReport, previous: Previous | null): { quality: LineQuality; next: Previous } {
  let jitterMs = 0;
  let packetsReceived = 0;
  let packetsLost = 0;
  let bytesReceived = 0;
  let bytesSent = 0;
  let rttMs: number | null = null;
  report.forEach((stat: Record<string, unknown>) => {
    const kind = stat['kind'] ?? stat['mediaType'];
    if (stat['type'] === 'inbound-rtp' && kind === 'audio') {
      jitterMs = Math.max(jitterMs, num(stat['jitter']) * 1000);
      packetsReceived += num(stat['packetsReceived']);
      packetsLost += Math.max(0, num(stat['packetsLost']));
      bytesReceived += num(stat['bytesReceived']);
    } else if (stat['type'] === 'outbound-rtp' && kind === 'audio') {
      bytesSent += num(stat['bytesSent']);
    } else if (stat['type'] === 'remote-inbound-rtp' && typeof stat['roundTripTime'] === 'number') {
      rttMs = stat['roundTripTime'] * 1000;
    } else if (stat['type'] === 'candidate-pair' && stat['nominated'] === true && rttMs === null && typeof stat['currentRoundTripTime'] === 'number') {
      rttMs = stat['currentRoundTripTime'] * 1000;
    }
  });
  const dReceived = packetsReceived - (previous?.packetsReceived ?? 0);
  const dLost = packetsLost - (previous?.packetsLost ?? 0);
  const lossPct = dReceived + dLost > 0 ? (100 * Math.max(0, dLost)) / (dReceived + Math.max(0, dLost)) : 0;
  const sample = { rttMs: rttMs ?? 0, jitterMs, lossPct };
  return {
    quality: { ...sample, mos: estimateMos(sample), bytesReceived, bytesSent },
    next: { packetsReceived, packetsLost },
  };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
