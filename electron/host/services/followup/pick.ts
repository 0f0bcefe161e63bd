import type { Assignee, PickCandidate, PickPart, QueueReader } from '../../db';
import type { CallingCalendar } from '../../../../shared/followup/windows';
import { isCallableMs, nextAllowedMs } from '../../../../shared/followup/windows';

/**
 * The local queue's pick, in the order of shared/followup/ordering (sortQueue) without sorting:
 *
 *   for each assignee (the agent's own tasks first, then nobody's),
 *     for each effective priority level 0…5 (a task at risk climbs one level),
 *       first the promoted tasks (priority = level + 1, at_risk_at ≤ now) by at_risk_at,
 *       then the plain ones (priority = level, due_at ≤ now < at_risk_at) by due_at,
 *         each merged over the calling zones that are open now, by (key, id).
 *
 * Every step is an index range read (db/queue.ts, migration 009) returning a few rows; the caller
 * applies the compliance gate to each candidate and stops at the first that passes, so a pick
 * reads a handful of index entries whatever the size of the queue. Zones that are closed now are
 * never read: at night in Shanghai the Shanghai tasks cost one probe, not a scan.
 */

export interface PickContext {
  now: number;
  /** The agent asking; null: nobody's own tasks (the "own first" step is skipped). */
  agent: string | null;
  type: string | null;
  maxAttempts: number;
  calendar: CallingCalendar;
  /** `held`: only the agent's own tasks (the offline console works only what it holds). */
  scope: 'all' | 'held';
}

const PAGE = 8;
const LEVELS = [0, 1, 2, 3, 4, 5] as const;
const PARTS: readonly PickPart[] = ['at_risk', 'due'];

/**
 * Whether a zone's calling window is open, remembered per zone and minute: windows are whole
 * minutes of local time and offsets change on whole minutes, so the answer holds for the minute
 * (luxon's zone arithmetic costs tens of microseconds per call).
 */
const openCaches = new WeakMap<CallingCalendar, Map<string, boolean>>();
function isOpen(zone: string, now: number, calendar: CallingCalendar): boolean {
  let openCache = openCaches.get(calendar);
  if (!openCache) {
    openCache = new Map();
    openCaches.set(calendar, openCache);
  }
  const key = `${zone} ${Math.floor(now / 60_000)}`;
  let open = openCache.get(key);
  if (open === undefined) {
    try {
      open = isCallableMs(Math.floor(now / 60_000) * 60_000, zone, calendar);
    } catch {
      open = false; // a zone the runtime does not know: nobody in it can be proven callable
    }
    if (openCache.size > 5_000) openCache.clear();
    openCache.set(key, open);
  }
  return open;
}

/** Zones whose calling window is open at `now`. */
export function openZones(zones: readonly string[], now: number, calendar: CallingCalendar): string[] {
  return zones.filter((zone) => isOpen(zone, now, calendar));
}

function* pages(queue: QueueReader, zone: string, assignee: Assignee, priority: number, part: PickPart, ctx: PickContext): Generator<PickCandidate> {
  let after: { key: number; id: string } | null = null;
  for (;;) {
    const rows = queue.candidates({ zone, assignee, priority, part, now: ctx.now, maxAttempts: ctx.maxAttempts, type: ctx.type, after, limit: PAGE });
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    after = { key: last.key, id: last.id };
  }
}

/** Merges per-zone streams, each in (key, id) order, into one. */
function* merged(streams: Generator<PickCandidate>[]): Generator<PickCandidate> {
  const heads = streams.map((s) => ({ s, head: s.next() }));
  for (;;) {
    let best: (typeof heads)[number] | null = null;
    for (const h of heads) {
      if (h.head.done) continue;
      const c = h.head.value;
      const b = best?.head.done === false ? best.head.value : null;
      if (b === null || c.key < b.key || (c.key === b.key && c.id < b.id)) best = h;
    }
    if (!best || best.head.done) return;
    const value = best.head.value;
    best.head = best.s.next();
    yield value;
  }
}

/** Due tasks the agent may work, in queue order, in the zones open now (compliance not yet applied). */
export function* candidatesInOrder(queue: QueueReader, ctx: PickContext): Generator<PickCandidate> {
  const zones = openZones(queue.zones(), ctx.now, ctx.calendar);
  if (zones.length === 0) return;
  const assignees: Assignee[] = [];
  if (ctx.agent !== null) assignees.push({ own: ctx.agent });
  if (ctx.scope === 'all') assignees.push('free');
  for (const assignee of assignees) {
    // Which priorities each zone has at all: levels and zones without them cost no query.
    const present = zones.map((zone) => ({ zone, priorities: new Set(queue.priorities(zone, assignee)) })).filter((z) => z.priorities.size > 0);
    if (present.length === 0) continue;
    for (const level of LEVELS) {
      for (const part of PARTS) {
        const priority = part === 'at_risk' ? level + 1 : level;
        if (priority < 1 || priority > 5) continue;
        const streams = present.filter((z) => z.priorities.has(priority)).map((z) => pages(queue, z.zone, assignee, priority, part, ctx));
        if (streams.length > 0) yield* merged(streams);
      }
    }
  }
}

/**
 * When the queue next has something for this agent: per zone, its earliest task that is not
 * workable now (not due yet, or waiting for the zone's window), moved to the zone's next window.
 * A task blocked for good (do-not-call) may make this early; the console asks again then.
 */
export function nextWorkableAt(queue: QueueReader, ctx: Omit<PickContext, 'scope'>): number | null {
  let best: number | null = null;
  const assignees: Assignee[] = ctx.agent !== null ? [{ own: ctx.agent }, 'free'] : ['free'];
  for (const zone of queue.zones()) {
    const open = isOpen(zone, ctx.now, ctx.calendar);
    // nextAllowedMs is monotone in its input: the zone's earliest task decides, one window search per zone.
    let due: number | null = null;
    for (const assignee of assignees) {
      const d = queue.earliestDue({ zone, assignee, after: open ? ctx.now : -Number.MAX_SAFE_INTEGER, maxAttempts: ctx.maxAttempts, type: ctx.type });
      if (d !== null && (due === null || d < due)) due = d;
    }
    if (due === null) continue;
    // A closed zone's overdue tasks wait for its next opening, the same instant all minute long.
    const at = due <= ctx.now ? nextAllowed(ctx.now, zone, ctx.calendar, `${Math.floor(ctx.now / 60_000)}m`) : nextAllowed(due, zone, ctx.calendar, String(due));
    if (at !== null && (best === null || at < best)) best = at;
  }
  return best;
}

/** nextAllowedMs, remembered per zone and instant for the minute (an empty queue is asked again and again). */
const nextCaches = new WeakMap<CallingCalendar, Map<string, number | null>>();
function nextAllowed(at: number, zone: string, calendar: CallingCalendar, instantKey: string): number | null {
  let cache = nextCaches.get(calendar);
  if (!cache) {
    cache = new Map();
    nextCaches.set(calendar, cache);
  }
  const key = `${zone} ${instantKey}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const next = nextAllowedMs(at, zone, calendar);
  if (cache.size > 5_000) cache.clear();
  cache.set(key, next);
  return next;
}
