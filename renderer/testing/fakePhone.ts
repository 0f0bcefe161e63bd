import { vi } from 'vitest';
import { newLine, type Line } from '../softphone/lines';
import type { SipSettings } from '../softphone/settings';
import type { PhoneEngine, PhoneEvents } from '../stores/softphone';

export interface FakePhoneOptions {
  /** How long ago an answered line was answered (its talk time so far); 30 s unless told. */
  answeredAgoMs?: number;
}

/** A phone a test drives: it reports lines the way the sip.js softphone does; outbound dials make lines. */
export class FakePhone implements PhoneEngine {
  lines = new Map<string, Line>();
  /** The settings the phone was last started with. */
  started: SipSettings | null = null;
  /** What the console decided for the last inbound call: a busy one gets no line, as with the sip.js softphone. */
  lastDecision: 'ring' | 'busy' | null = null;
  private seq = 0;
  constructor(
    readonly events: PhoneEvents,
    private readonly options: FakePhoneOptions = {},
  ) {}
  private emit() {
    this.events.linesChanged([...this.lines.values()]);
  }
  ring(remote: string, raw: string): Line {
    const callerId = { raw, headers: { from: raw } };
    this.lastDecision = this.events.decideInbound(callerId);
    const line = newLine(`line-${++this.seq}`, 'inbound', remote, Date.now(), { callerId });
    if (this.lastDecision === 'ring') {
      this.lines.set(line.id, line);
      this.emit();
    }
    return line;
  }
  /** The far end answered an outbound call (or the agent answered an inbound one). */
  connect(id: string) {
    const line = this.lines.get(id);
    if (!line) return;
    this.lines.set(id, { ...line, state: 'active', answeredAt: Date.now() - (this.options.answeredAgoMs ?? 30_000) });
    this.emit();
  }
  end(id: string, reason: string) {
    const line = this.lines.get(id);
    if (!line) return;
    this.lines.delete(id);
    this.emit();
    this.events.lineEnded({ ...line, state: 'ended', endedAt: Date.now(), endReason: reason });
  }
  start = (settings: SipSettings) => {
    this.started = settings;
    this.events.registrationChanged({ state: 'registered', since: Date.now() });
  };
  stop = () => Promise.resolve();
  dial = vi.fn((target: string) => {
    const line = newLine(`line-${++this.seq}`, 'outbound', target, Date.now());
    this.lines.set(line.id, line);
    this.emit();
    return Promise.resolve(line.id);
  });
  answer = vi.fn((id: string) => {
    this.connect(id);
    return Promise.resolve();
  });
  reject = vi.fn(() => Promise.resolve());
  hangup = vi.fn((id: string) => {
    this.end(id, 'hangup');
    return Promise.resolve();
  });
  hold = vi.fn(() => Promise.resolve());
  mute = vi.fn();
  sendDtmf = vi.fn(() => Promise.resolve('info' as const));
  blindTransfer = vi.fn(() => Promise.resolve());
  attendedTransfer = vi.fn(() => Promise.resolve());
  swap = vi.fn(() => Promise.resolve());
  refreshQuality = () => Promise.resolve(null);
  setInputDevice = vi.fn(() => Promise.resolve());
  setOutputDevice = vi.fn(() => Promise.resolve());
}
