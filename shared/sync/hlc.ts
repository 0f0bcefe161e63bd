import { z } from 'zod';

/**
 * Hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter, so every event gets a
 * timestamp that is close to real time, never goes backwards on one node, and is greater than every
 * timestamp the node has seen. The node id breaks the last tie, so the order is total.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

export const NodeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'node ids are 1-64 letters, digits, _ or -');

/** Fixed widths make the string order equal to the clock order. */
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const ENCODED = /^(\d{15}):([0-9a-z]{5}):([A-Za-z0-9_-]{1,64})$/;

/** Encoded HLC as it travels and is stored: `000001764057600000:00000:console-7`. */
export const HlcString = z.string().regex(ENCODED, 'must be an encoded hybrid logical clock');

const FieldClocksChecked = z.record(z.string(), HlcString);
/**
 * Field name → encoded clock, as every pulled customer carries it. Valid maps (all of them, in
 * practice) pass one plain loop: z.record cost more than the whole rest of a customer change and an
 * initial sync parses 200,000 of them. Anything else gets z.record's own issues, naming the field.
 */
export const FieldClocks = z.custom<Record<string, string>>().superRefine((value, ctx) => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
    let ok = true;
    for (const clock of Object.values(value as Record<string, unknown>)) {
      if (typeof clock !== 'string' || !ENCODED.test(clock)) {
        ok = false;
        break;
      }
    }
    if (ok) return;
  }
  const checked = FieldClocksChecked.safeParse(value);
  for (const issue of checked.success ? [] : checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** A remote clock further ahead than this is a broken clock, not news: its writes would win forever. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

export class ClockSkewError extends Error {
  constructor(readonly aheadMs: number) {
    super(`remote clock is ${aheadMs} ms ahead of ours`);
    this.name = 'ClockSkewError';
  }
}

export function zeroHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

function bump(wall: number, counter: number, node: string): Hlc {
  if (counter > MAX_COUNTER) throw new RangeError('hybrid logical clock counter overflow');
  return { wall, counter, node };
}

/** A local event or a send: the new timestamp is after `local` and not behind the physical clock. */
export function tick(local: Hlc, physicalMs: number): Hlc {
  if (physicalMs > local.wall) return bump(physicalMs, 0, local.node);
  return bump(local.wall, local.counter + 1, local.node);
}

/** A receive: the new timestamp is after both `local` and `remote`. */
export function receive(local: Hlc, remote: Hlc, physicalMs: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Hlc {
  if (remote.wall - physicalMs > maxDriftMs) throw new ClockSkewError(remote.wall - physicalMs);
  const wall = Math.max(local.wall, remote.wall, physicalMs);
  if (wall === local.wall && wall === remote.wall) return bump(wall, Math.max(local.counter, remote.counter) + 1, local.node);
  if (wall === local.wall) return bump(wall, local.counter + 1, local.node);
  if (wall === remote.wall) return bump(wall, remote.counter + 1, local.node);
  return bump(wall, 0, local.node);
}

export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}:${h.counter.toString(36).padStart(COUNTER_DIGITS, '0')}:${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = ENCODED.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) throw new Error(`not an encoded HLC: ${s.slice(0, 90)}`);
  return { wall: Number(m[1]), counter: parseInt(m[2], 36), node: m[3] };
}

/** Encoded clocks compare as plain strings; this is the same order as compareHlc. */
export function compareEncoded(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
