/**
 * Call quality estimate from WebRTC getStats numbers, using the ITU-T G.107 E-model in the simplified
 * form most softphones use. Agents and supervisors see one number (MOS 1–4.5) instead of three.
 */
export interface QualitySample {
  /** Round-trip time in ms (RTCP or ICE candidate-pair RTT). */
  rttMs: number;
  /** Interarrival jitter in ms. */
  jitterMs: number;
  /** Packet loss in percent over the measured interval (0–100). */
  lossPct: number;
}

export interface CodecImpairment {
  /** Equipment impairment factor Ie. */
  ie: number;
  /** Packet-loss robustness factor Bpl. */
  bpl: number;
}

/** G.113 values: PCMU/PCMA with packet-loss concealment; Opus at wideband bitrates (conservative). */
export const CODECS: Record<'pcmu' | 'pcma' | 'opus', CodecImpairment> = {
  pcmu: { ie: 0, bpl: 25.1 },
  pcma: { ie: 0, bpl: 25.1 },
  opus: { ie: 0, bpl: 30 },
};

/** R factor (0–100) from delay, jitter and loss. */
export function rFactor(sample: QualitySample, codec: CodecImpairment = CODECS.opus): number {
  const rtt = clamp(sample.rttMs, 0, 10_000);
  const jitter = clamp(sample.jitterMs, 0, 10_000);
  const loss = clamp(sample.lossPct, 0, 100);
  // One-way mouth-to-ear delay: half the RTT, a jitter buffer of about twice the jitter, 10 ms codec.
  const delay = rtt / 2 + jitter * 2 + 10;
  const id = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const ieEff = codec.ie + (95 - codec.ie) * (loss / (loss + codec.bpl));
  return clamp(93.2 - id - ieEff, 0, 100);
}

/** Mean opinion score 1.0–4.5 from an R factor (G.107 Annex B). */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  const mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  return Math.round(clamp(mos, 1, 4.5) * 100) / 100;
}

export function estimateMos(sample: QualitySample, codec?: CodecImpairment): number {
  return mosFromR(rFactor(sample, codec));
}

export type QualityBand = 'good' | 'fair' | 'poor';
/** Bands agents recognise: ≥4.0 good, ≥3.6 fair (noticeable), below that poor. */
export function qualityBand(mos: number): QualityBand {
  if (mos >= 4.0) return 'good';
  if (mos >= 3.6) return 'fair';
  return 'poor';
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
