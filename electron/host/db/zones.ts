import { zoneFor, type ZoneOptions } from '../../../shared/followup/zones';
import type { Db } from './open';

/** Options the store uses until the host registers the deployment's own (seed script, tools). */
export const DEFAULT_ZONE_OPTIONS: ZoneOptions = { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai' };

export interface ZoneContext {
  options: ZoneOptions;
  /** Numbers no follow-up dials (the managed list and the local one): a customer's next number is used. */
  blocked: ReadonlySet<string>;
  /** Names the managed list in the stored fingerprint (the local list lives in the store itself). */
  managedListKey?: string;
}

const META_KEY = 'followup_zone_options';
const NONE: ReadonlySet<string> = new Set();
const DEFAULT_CONTEXT: ZoneContext = { options: DEFAULT_ZONE_OPTIONS, blocked: NONE };
/** What each connection's function was registered with: a refresh without options keeps it. */
const registered = new WeakMap<Db, ZoneContext>();

/** A stable text of what the stored zones depend on besides the store: zone options and the managed list. */
export function zoneOptionsKey(context: Pick<ZoneContext, 'options' | 'managedListKey'>): string {
  const { options } = context;
  const byRegion = Object.entries(options.zoneByRegion ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([options.defaultRegion.toUpperCase(), options.defaultZone, byRegion, context.managedListKey ?? '']);
}

/** The number a follow-up dials: the first (primary first) not on a list; the first when all are. */
export function dialledNumber(numbers: readonly string[], blocked: ReadonlySet<string>): string | null {
  return numbers.find((n) => !blocked.has(n)) ?? numbers[0] ?? null;
}

/**
 * `followup_zone(time_zone, region, numbers)`: the calling zone of a customer (zoneFor of the
 * customer and the number a follow-up dials; `numbers` space-separated, primary first), for the
 * triggers of migration 009. Registered on every connection (open.ts, with the defaults) and again
 * by the host with its settings; `refreshZones` then recomputes what other options made.
 */
export function registerZoneFunction(db: Db, context: ZoneContext = DEFAULT_CONTEXT): void {
  registered.set(db, context);
  db.function('followup_zone', (timeZone: unknown, region: unknown, numbers: unknown) => {
    const customer = { timeZone: typeof timeZone === 'string' ? timeZone : null, region: typeof region === 'string' ? region : null };
    const number = typeof numbers === 'string' ? dialledNumber(numbers.split(' '), context.blocked) : null;
    try {
      return zoneFor(customer, number, context.options).zone;
    } catch {
      return context.options.defaultZone;
    }
  });
}

const ZONE_SQL = `followup_zone(c.time_zone, c.region,
  (SELECT group_concat(p.e164, ' ' ORDER BY p.is_primary DESC, p.e164) FROM customer_phones p WHERE p.customer_id = c.id))`;

/**
 * Fills `followup_tasks.call_zone` where it is missing (rows from before migration 009, a bulk load
 * without triggers), or everywhere when the options or the managed list differ from those the
 * stored zones were computed with. Registers the function with `context` first (by default the one
 * the connection has: the host's settings, or the defaults). Returns the rows written.
 */
export function refreshZones(db: Db, context: ZoneContext = registered.get(db) ?? DEFAULT_CONTEXT): number {
  registerZoneFunction(db, context);
  const key = zoneOptionsKey(context);
  const stored = db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?').get(META_KEY)?.value ?? null;
  const where = stored === key ? 'WHERE t.call_zone IS NULL' : '';
  return db.transaction(() => {
    const { changes } = db
      .prepare(`UPDATE followup_tasks AS t SET call_zone = (SELECT ${ZONE_SQL} FROM customers c WHERE c.id = t.customer_id) ${where}`)
      .run();
    if (stored !== key) {
      db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_KEY, key);
    }
    return changes;
  })();
}

/** After a number joined the local do-not-call list: the zones of everyone reachable at it. */
export function refreshZonesForNumber(db: Db, e164: string): number {
  return db
    .prepare(
      `UPDATE followup_tasks AS t SET call_zone = (SELECT ${ZONE_SQL} FROM customers c WHERE c.id = t.customer_id)
        WHERE t.customer_id IN (SELECT customer_id FROM customer_phones WHERE e164 = ?)`,
    )
    .run(e164).changes;
}
