import type { CallerIdInput } from '../../shared/calls/caller-id';
import type { LineQuality } from './quality';

export type LineState = 'ringing' | 'dialing' | 'active' | 'held' | 'ended';

/** One call leg as the UI sees it. The sip.js session behind it stays in the softphone. */
export interface Line {
  id: string;
  direction: 'inbound' | 'outbound';
  /** The other party as dialled or as it arrived (user part of the URI). */
  remote: string;
  remoteName: string | null;
  callerId: CallerIdInput | null;
  state: LineState;
  muted: boolean;
  ringAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  /** Why it ended: "hangup", "remote hangup", "rejected 486", "cancelled", "transferred", "failed: …". */
  endReason: string | null;
  quality: LineQuality | null;
  /** Digits the agent sent, and digits the far end sent by SIP INFO. */
  dtmfSent: string;
  dtmfReceived: string;
}

export function newLine(id: string, direction: Line['direction'], remote: string, now: number, extra: Partial<Line> = {}): Line {
  return {
    id,
    direction,
    remote,
    remoteName: null,
    callerId: null,
    state: direction === 'inbound' ? 'ringing' : 'dialing',
    muted: false,
    ringAt: now,
    answeredAt: null,
    endedAt: null,
    endReason: null,
    quality: null,
    dtmfSent: '',
    dtmfReceived: '',
    ...extra,
  };
}

export function durationSec(line: Line, now: number): number {
  if (line.answeredAt === null) return 0;
  return Math.max(0, Math.round(((line.endedAt ?? now) - line.answeredAt) / 1000));
}

const DTMF = /^[0-9*#A-D]$/;
/** Parses an application/dtmf-relay INFO body ("Signal=5\r\nDuration=160"). */
export function dtmfFromInfo(contentType: string | undefined, body: string | undefined): string | null {
  if (!body) return null;
  if (contentType?.includes('application/dtmf-relay')) {
    const signal = /Signal\s*=\s*(\S)/i.exec(body)?.[1]?.toUpperCase();
    return signal && DTMF.test(signal) ? signal : null;
  }
  if (contentType?.includes('application/dtmf')) {
    const digit = body.trim().toUpperCase();
    return DTMF.test(digit) ? digit : null;
  }
  return null;
}

export function isDtmfDigit(digit: string): boolean {
  return DTMF.test(digit.toUpperCase());
}
