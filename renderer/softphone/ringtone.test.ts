import { describe, expect, it } from 'vitest';
import { ringWav } from './ringtone';

describe('ringWav', () => {
  it('is a valid mono 16-bit WAV with one second of tone and two of silence', () => {
    const wav = ringWav(1, 2);
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...wav.subarray(8, 12))).toBe('WAVE');
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint32(40, true)).toBe(3 * 16_000 * 2);
    const sample = (i: number) => view.getInt16(44 + i * 2, true);
    const peak = (from: number, to: number) => Math.max(...Array.from({ length: to - from }, (_, k) => Math.abs(sample(from + k))));
    expect(peak(1000, 2000)).toBeGreaterThan(3000); // ringing
    expect(peak(20_000, 21_000)).toBe(0); // the pause of the cadence
  });
});
