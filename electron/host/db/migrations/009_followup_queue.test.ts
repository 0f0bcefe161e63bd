import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atRiskAtMs } from '../../../../shared/followup/ordering';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';
import { refreshZones } from '../zones';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const customer = (id: string, timeZone: string | null, region: string | null) =>
  db.prepare('INSERT INTO customers (id, name, time_zone, region, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)').run(id, id, timeZone, region);
const phone = (customerId: string, e164: string, primary: boolean) =>
  db.prepare("INSERT INTO customer_phones (customer_id, e164, label, is_primary) VALUES (?, ?, 'mobile', ?)").run(customerId, e164, primary ? 1 : 0);
const task = (id: string, customerId: string, dueAt = 0, slaAt = 1_000) =>
  db
    .prepare(`INSERT INTO followup_tasks (id, customer_id, type, status, priority, due_at, sla_at, reason, created_at)
              VALUES (?, ?, 'satisfaction_survey', 'queued', 3, ?, ?, '', 0)`)
    .run(id, customerId, dueAt, slaAt);
const zoneOf = (taskId: string) => db.prepare('SELECT call_zone FROM followup_tasks WHERE id = ?').pluck().get(taskId);

describe('migration 009: the follow-up queue pick', () => {
  it('knows when each task becomes at risk, exactly as the shared ordering computes it', () => {
    customer('c1', 'Asia/Shanghai', 'CN');
    const cases: [number, number][] = [[0, 1_000], [0, 1], [0, 4], [5_000, 5_000], [5_000, 100], [1_764_000_000_000, 1_764_000_000_000 + 5 * 86_400_000 + 7]];
    cases.forEach(([due, sla], i) => task(`t${i}`, 'c1', due, sla));
    const stored = db.prepare('SELECT at_risk_at FROM followup_tasks ORDER BY seq').pluck().all();
    expect(stored).toEqual(cases.map(([due, sla]) => atRiskAtMs(due, sla)));
  });

  it('keeps each task in its customer’s calling zone as the customer and their numbers change', () => {
    customer('c-sh', 'Asia/Shanghai', 'CN');
    customer('c-uk', null, null);
    phone('c-uk', '+447400123456', true);
    task('t-sh', 'c-sh');
    task('t-uk', 'c-uk');
    expect([zoneOf('t-sh'), zoneOf('t-uk')]).toEqual(['Asia/Shanghai', 'Europe/London']);

    db.prepare("UPDATE customers SET time_zone = 'America/Los_Angeles' WHERE id = 'c-sh'").run();
    expect(zoneOf('t-sh')).toBe('America/Los_Angeles');
    // A new primary number in another country moves a customer without a zone of their own.
    db.prepare("UPDATE customer_phones SET is_primary = 0 WHERE customer_id = 'c-uk'").run();
    phone('c-uk', '+6591234567', true);
    expect(zoneOf('t-uk')).toBe('Asia/Singapore');
    db.prepare("DELETE FROM customer_phones WHERE customer_id = 'c-uk'").run();
    expect(zoneOf('t-uk')).toBe('Asia/Shanghai'); // nothing known: the deployment's zone
  });

  it('recomputes every zone when the deployment’s zone options change, and only missing ones otherwise', () => {
    customer('c-us', null, 'US');
    task('t-us', 'c-us');
    expect(zoneOf('t-us')).toBe('America/New_York');
    expect(refreshZones(db)).toBe(1); // first run: the options are recorded
    expect(refreshZones(db)).toBe(0);
    expect(refreshZones(db, { options: { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai', zoneByRegion: { US: 'America/Chicago' } }, blocked: new Set() })).toBe(1);
    expect(zoneOf('t-us')).toBe('America/Chicago');
  });

  it('takes the zone of the number a follow-up dials: the first one not on a do-not-call list', () => {
    customer('c-two', null, null);
    phone('c-two', '+447400123456', true);
    phone('c-two', '+6591234567', false);
    task('t-two', 'c-two');
    expect(zoneOf('t-two')).toBe('Europe/London');
    refreshZones(db, { options: { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai' }, blocked: new Set(['+447400123456']), managedListKey: 'uk-blocked' });
    expect(zoneOf('t-two')).toBe('Asia/Singapore');
  });

  it.each([
    ['promoted tasks by at_risk_at', 'tasks_pick_at_risk', 'AND at_risk_at <= ? ORDER BY at_risk_at, id'],
    ['the others by due_at', 'tasks_pick_due', 'AND due_at <= ? AND at_risk_at > 0 ORDER BY due_at, id'],
  ])('reads %s for one zone, assignee and priority from an index, without sorting', (_name, index, tail) => {
    const plan = planOf(
      db,
      `SELECT id FROM followup_tasks WHERE status IN ('queued', 'leased') AND call_zone = ? AND assigned_to IS NULL AND priority = ?
         AND +status = 'queued' AND attempts < 3 ${tail} LIMIT 8`,
      'Asia/Shanghai', 3, 0,
    );
    expect(plan).toContain(index);
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('keeps a local do-not-call list of valid numbers that outlives the customer record', () => {
    customer('c1', null, 'CN');
    const add = db.prepare("INSERT INTO dnc_numbers (e164, customer_id, source, added_at) VALUES (?, ?, 'wrap_up', 0)");
    expect(() => add.run('138 0013 8000', 'c1')).toThrow(/CHECK constraint failed/);
    add.run('+8613800138000', 'c1');
    expect(() => add.run('+8613800138000', null)).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT e164, customer_id FROM dnc_numbers').all()).toEqual([{ e164: '+8613800138000', customer_id: null }]);
  });
});
