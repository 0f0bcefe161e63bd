import { customerId, demoCustomer, STREAM } from './customers';
import type { EventContext } from './events';
import { KNOWN_CUSTOMER_COUNT } from './known';
import { knownRecords } from './knownRecords';
import { Random } from './prng';
import type { DemoRecord } from './record';
import { demoTask } from './tasks';
import { timeline } from './timeline';

export interface DemoOptions {
  /** Total customers, the well-known ones included. */
  customers: number;
  seed: number;
  /** "Now" of the demo world; fixed by default so the same seed gives the same data on any day. */
  anchorMs?: number;
}

/** Bump when the generated data changes for a given seed: cached demo databases (bench) are rebuilt. */
export const DEMO_GENERATOR_VERSION = 2;

/** 2026-11-20T00:00:00Z: recent enough that tasks look due when the demo is shown. */
export const DEFAULT_ANCHOR_MS = Date.UTC(2026, 10, 20);
/** Average events per generated customer by segment (exponential, capped): ~4–5 overall. */
const MEAN_EVENTS: Readonly<Record<string, number>> = { vip: 9, standard: 5, new: 2 };
const MAX_EVENTS = 80;
/** Share of customers with a follow-up task (≈100k at 1M). */
const TASK_RATE = 0.1;

/** Generated customer `index` with its history and tasks: a pure function of (seed, index, anchor). */
export function demoRecord(seed: number, index: number, anchorMs: number): DemoRecord {
  const c = demoCustomer(seed, index, anchorMs);
  const rng = Random.for(seed, STREAM.history, index);
  const ctx: EventContext = { customerId: c.customer.id, lang: c.lang, phone: c.primary, currency: c.currency, anchorMs };
  const suffix = customerId(index).slice(5);
  const events = timeline(rng, ctx, {
    count: rng.geometric(MEAN_EVENTS[c.customer.segment ?? 'standard'] ?? 5, MAX_EVENTS),
    fromMs: Date.parse(c.customer.createdAt),
    toMs: anchorMs,
    idPrefix: `ev-${suffix}`,
    tieRate: 0.03,
  });
  const taskRng = Random.for(seed, STREAM.task, index);
  const tasks = taskRng.chance(TASK_RATE)
    ? [demoTask(taskRng, `task-${suffix}`, { id: c.customer.id, segment: c.customer.segment, lang: c.lang }, events, anchorMs)]
    : [];
  return { customer: c.customer, phones: c.phones, events, tasks };
}

/** Every record of a demo database, known ones first, streamed so 1M customers never sit in memory. */
export function* demoRecords(options: DemoOptions): Generator<DemoRecord> {
  const anchorMs = options.anchorMs ?? DEFAULT_ANCHOR_MS;
  const known = knownRecords(options.seed, anchorMs);
  yield* known.slice(0, Math.min(known.length, options.customers));
  const generated = Math.max(0, options.customers - KNOWN_CUSTOMER_COUNT);
  for (let index = 0; index < generated; index++) yield demoRecord(options.seed, index, anchorMs);
}
