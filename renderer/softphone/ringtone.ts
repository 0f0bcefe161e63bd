/**
 * The ring an agent hears: a synthesized two-tone cadence (no audio files to ship or license),
 * played through its own <audio> element so it can go to the "ringer" device — e.g. the PC speaker
 * while the call audio stays in the headset.
 */
const RATE = 16_000;

/** One cadence period: 440+480 Hz for `onSec`, then silence for `offSec` (North-American ring). */
export function ringWav(onSec = 1, offSec = 2, volume = 0.25): Uint8Array {
  const samples = Math.round((onSec + offSec) * RATE);
  const data = new Uint8Array(44 + samples * 2);
  const view = new DataView(data.buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  const onSamples = onSec * RATE;
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    // Short fades at the edges so the tone does not click.
    const fade = Math.min(1, i / 160, Math.max(0, onSamples - i) / 160);
    const v = i < onSamples ? (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)) * 0.5 * volume * fade : 0;
    view.setInt16(44 + i * 2, Math.round(v * 32767), true);
  }
  return data;
}

export class Ringer {
  private readonly element: HTMLAudioElement;
  private url: string | null = null;

  constructor() {
    this.element = document.createElement('audio');
    this.element.loop = true;
    this.element.dataset['huifang'] = 'ringtone';
  }

  async setDevice(deviceId: string): Promise<void> {
    // Older engines lack setSinkId; the ring then follows the system default.
    if (typeof this.element.setSinkId === 'function') await Promise.resolve(this.element.setSinkId(deviceId)).catch(() => undefined);
  }

  start(): void {
    try {
      if (!this.url) this.url = URL.createObjectURL(new Blob([ringWav() as BlobPart], { type: 'audio/wav' }));
      if (this.element.src !== this.url) this.element.src = this.url;
      // Autoplay may be refused before the agent's first click; the visual ring still shows.
      void Promise.resolve(this.element.play()).catch(() => undefined);
    } catch {
      // No audio output at all (kiosk, test DOM): the ringing card is the signal.
    }
  }

  stop(): void {
    this.element.pause();
    this.element.currentTime = 0;
  }

  get playing(): boolean {
    return !this.element.paused;
  }
}
