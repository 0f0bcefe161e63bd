import { DateTime } from 'luxon';
import type { DialCheck } from '../../../../shared/api/followup';
import type { Customer, FollowUpTask, PhoneNumber } from '../../../../shared/domain';
import { checkDialable, type DncList } from '../../../../shared/followup/dnc';
import { canAttempt } from '../../../../shared/followup/retry';
import { toIso } from '../../../../shared/followup/time';
import { isCallableMs, nextAllowedMs } from '../../../../shared/followup/windows';
import { zoneFor, type ZoneResolution } from '../../../../shared/followup/zones';
import type { DncReader } from '../../db';
import { dialledNumber, type ZoneContext } from '../../db/zones';
import type { FollowUpConfig } from './config';

/** What a follow-up would dial for a customer, whether it may now, and by which clock. */
export interface DialAssessment {
  number: string | null;
  check: DialCheck;
  zone: ZoneResolution;
}

/**
 * The compliance gate (docs/followup.md, "Do-not-call" and "Calling windows"): every outbound dial
 * passes `check` — the managed list from the settings file, the numbers this console was told
 * never to call (wrap-up), the customer's own flag, a number that cannot be read, and for a
 * follow-up the attempts left and the customer's calling window now. The pick (pick.ts) and the
 * preview use the same `assess`, so a task offered as workable is one the dial check lets through.
 */
export function dialGate(deps: { config: FollowUpConfig; dnc: DncReader }) {
  const { config } = deps;
  // One set for both lists, shared with the store's zone function (db/zones.ts): a number added at
  // wrap-up moves its customers to their next number's zone at once.
  const blocked = new Set<string>(config.dnc.numbers);
  for (const n of deps.dnc.numbers()) blocked.add(n);
  const list: DncList = { numbers: blocked };

  const customerBlocked = (customer: Customer): boolean => customer.doNotCall === true || deps.dnc.customerListed(customer.id);

  const fail = (reason: Exclude<DialCheck, { ok: true }>['reason'], message: string, nextAllowedAt: string | null = null): DialCheck => ({
    ok: false,
    reason,
    message,
    nextAllowedAt,
  });

  /** The number checks alone (any dial path): lists, the customer's flag, readability. */
  const checkNumber = (raw: string, customer: Customer | null): DialCheck => {
    const check = checkDialable(raw, { list, customer: customer ? { doNotCall: customerBlocked(customer) } : null, defaultRegion: config.zone.defaultRegion });
    return check.ok ? check : fail(check.reason, check.message);
  };

  const zoneOf = (customer: Customer, number: string | null): ZoneResolution => zoneFor(customer, number, config.zone);

  /** The full gate: a follow-up dial (task given) also needs a dial left and the customer's window open. */
  const check = (raw: string, customer: Customer | null, task: FollowUpTask | null, nowMs: number): DialCheck => {
    const base = checkNumber(raw, customer);
    if (!base.ok || task === null) return base;
    if (!canAttempt(task, config.retry)) {
      return fail('max_attempts', `task: all ${config.retry.maxAttempts} dials of this follow-up were made`);
    }
    const zone = customer ? zoneOf(customer, base.e164).zone : config.zone.defaultZone;
    if (!isCallableMs(nowMs, zone, config.calendar)) {
      const next = nextAllowedMs(nowMs, zone, config.calendar);
      const local = DateTime.fromMillis(nowMs, { zone }).toFormat('ccc HH:mm');
      const when = next === null ? 'no calling window in the next year' : `next allowed ${DateTime.fromMillis(next, { zone }).toFormat("ccc yyyy-MM-dd HH:mm")} there`;
      return fail('outside_calling_window', `number: outside the customer's calling hours (${local} in ${zone}); ${when}`, next === null ? null : toIso(next));
    }
    return base;
  };

  return {
    list,
    /** For the store's zone function: the same set, kept current. */
    zoneContext: (managedListKey: string): ZoneContext => ({ options: config.zone, blocked, managedListKey }),
    checkNumber,
    check,
    customerBlocked,
    zoneOf,
    /** A number joined the local list (wrap-up "do not call"). */
    block(e164: string): void {
      blocked.add(e164);
    },
    /** What a follow-up of this customer would dial now, and whether it may. */
    assess(customer: Customer, phones: readonly PhoneNumber[], task: FollowUpTask | null, nowMs: number): DialAssessment {
      const number = dialledNumber(
        phones.map((p) => p.e164),
        blocked,
      );
      const zone = zoneOf(customer, number);
      if (number === null) return { number, zone, check: fail('invalid_number', 'customer: has no phone number to dial') };
      return { number, zone, check: check(number, customer, task, nowMs) };
    },
  };
}
export type DialGate = ReturnType<typeof dialGate>;
