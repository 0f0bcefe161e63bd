import type { HistoryEvent } from '../../../shared/domain';
import { randomEvent, type EventContext } from './events';
import type { Random } from './prng';

export interface TimelineOptions {
  count: number;
  fromMs: number;
  toMs: number;
  /** Event ids are `${idPrefix}-${n}`, n zero-padded so ids sort like their order of creation. */
  idPrefix: string;
  /** Share of events stamped with the previous event's instant (a note saved as the call ended). */
  tieRate: number;
}

/** A customer's history: `count` events of mixed kinds between two instants, oldest first. */
export function timeline(rng: Random, ctx: EventContext, options: TimelineOptions): HistoryEvent[] {
  const span = Math.max(1, options.toMs - options.fromMs);
  // Whole seconds, like most source systems; sorted so "newest first" reads like a story.
  const instants = Array.from({ length: options.count }, () => options.fromMs + Math.floor((rng.next() * span) / 1000) * 1000).sort((a, b) => a - b);
  const width = Math.max(4, String(options.count).length);
  const events: HistoryEvent[] = [];
  instants.forEach((at, n) => {
    const previous = events.at(-1);
    const atMs = previous && rng.chance(options.tieRate) ? Date.parse(previous.occurredAt) : at;
    events.push(randomEvent(rng, ctx, { id: `${options.idPrefix}-${String(n + 1).padStart(width, '0')}`, atMs }));
  });
  return events;
}
