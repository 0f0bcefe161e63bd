import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, FollowUpTask } from '../../../../shared/domain';
import { buildDncList, checkDialable } from '../../../../shared/followup/dnc';
import { sortQueue } from '../../../../shared/followup/ordering';
import { canCallAt, DEFAULT_CALENDAR } from '../../../../shared/followup/windows';
import { zoneFor } from '../../../../shared/followup/zones';
import { followUpWorld, hours } from './testing';

/**
 * The SQL pick (per-zone index reads, db/queue.ts + pick.ts) returns exactly what the pure order
 * gives: sortQueue over the tasks the doc's filter leaves (docs/followup.md "Queue ordering":
 * queued and free or mine — or held by me —, due, attempts left, dialable, the customer's window
 * open now), first one.
 */

const ME = '1001';
const MAX_ATTEMPTS = 3;
/** Listed in the settings file, written the way people write numbers. */
const MANAGED_DNC = ['139 0013 9001', '+1 (212) 555-0199'];
const dnc = buildDncList(MANAGED_DNC, 'CN').list;

const NUMBERS = ['+8613900139001', '+8613700137001', '+12125550199', '+12135550123', '+447400123456', '+6591234567'];
const customerArb = fc.record({
  timeZone: fc.constantFrom<string | null>('Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Europe/London', null, null, 'Not/AZone'),
  region: fc.constantFrom<string | null>('CN', 'US', 'GB', null),
  doNotCall: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  numbers: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 9, arbitrary: fc.uniqueArray(fc.constantFrom(...NUMBERS), { minLength: 1, maxLength: 3 }) }),
});
const taskArb = fc.record({
  customer: fc.nat(5),
  priority: fc.integer({ min: 1, max: 5 }),
  due: fc.integer({ min: -72, max: 12 }),
  window: fc.integer({ min: 0, max: 96 }),
  assignedTo: fc.constantFrom<string | null>(null, null, ME, 'someone-else'),
  status: fc.constantFrom<FollowUpTask['status']>('queued', 'queued', 'queued', 'leased', 'done'),
  attempts: fc.constantFrom(0, 0, 1, 2, 3),
  type: fc.constantFrom('satisfaction_survey', 'complaint_care'),
});
/** Instants that open and close different zones' windows (Shanghai, New York, Los Angeles, London). */
const nowArb = fc.constantFrom('2026-11-25T03:00:00.000Z', '2026-11-25T14:30:00.000Z', '2026-11-25T20:00:00.000Z', '2026-11-25T10:15:00.000Z', '2026-11-29T03:00:00.000Z');

function expectedPick(customers: Customer[], phones: string[][], tasks: FollowUpTask[], now: string, type: string | null): string | null {
  const eligible = tasks.filter((t) => {
    const mineOrFree = (t.status === 'queued' && (t.assignedTo === null || t.assignedTo === ME)) || (t.status === 'leased' && t.assignedTo === ME);
    if (!mineOrFree || Date.parse(t.dueAt) > Date.parse(now) || t.attempts >= MAX_ATTEMPTS) return false;
    if (type !== null && t.type !== type) return false;
    const index = customers.findIndex((c) => c.id === t.customerId);
    const customer = customers[index];
    const numbers = phones[index] ?? [];
    if (!customer) return false;
    const number = numbers.find((n) => !dnc.numbers.has(n)) ?? numbers[0];
    if (number === undefined) return false;
    if (!checkDialable(number, { list: dnc, customer, defaultRegion: 'CN' }).ok) return false;
    return canCallAt(now, zoneFor(customer, number, { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai' }).zone, DEFAULT_CALENDAR);
  });
  return sortQueue(eligible, { now, agent: ME })[0]?.id ?? null;
}

describe('the local queue pick (property)', () => {
  it('is sortQueue’s first eligible task, on random small queues across zones, lists and assignees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerArb, { minLength: 6, maxLength: 6 }),
        fc.array(taskArb, { minLength: 0, maxLength: 30 }),
        nowArb,
        fc.constantFrom<string | null>(null, null, 'complaint_care'),
        async (customerSpecs, taskSpecs, now, type) => {
          const world = followUpWorld({ config: { doNotCall: MANAGED_DNC } });
          try {
            world.clock.now = Date.parse(now);
            const customers = customerSpecs.map((spec, i) =>
              world.customer(`c${i}`, { timeZone: spec.timeZone, region: spec.region, doNotCall: spec.doNotCall }, spec.numbers),
            );
            const phones = customerSpecs.map((spec) => [...spec.numbers].sort((a, b) => (a === spec.numbers[0] ? -1 : b === spec.numbers[0] ? 1 : a < b ? -1 : 1)));
            const tasks = taskSpecs.map((spec, i) =>
              world.task(`t${String(i).padStart(2, '0')}`, `c${spec.customer}`, {
                priority: spec.priority,
                dueAt: hours(spec.due, now),
                slaAt: hours(spec.due + spec.window, now),
                assignedTo: spec.status === 'leased' && spec.assignedTo === null ? 'someone-else' : spec.assignedTo,
                status: spec.status,
                attempts: spec.attempts,
                type: spec.type,
              }),
            );
            const expected = expectedPick(customers, phones, tasks, now, type);
            const got = await world.service.nextTask(type === null ? {} : { type });
            expect(got.status === 'task' ? got.preview.task.id : null).toBe(expected);
            if (got.status === 'task') expect(got.preview.dial.check.ok).toBe(true);
          } finally {
            world.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
