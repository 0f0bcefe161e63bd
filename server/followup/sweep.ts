import { lastActivityAt, sweep, type CustomerActivity } from '../../shared/followup';
import type { FollowUpTask, HistoryEvent } from '../../shared/domain';
import type { Engine } from '../db/queries';
import type { FollowUpConfig } from './config';
import { insertDrafts } from './insert';

export interface SweepReport {
  customers: number;
  created: number;
}

const PAGE = 500;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The time-based rules (inactivity, sign-up anniversaries) over the whole customer base, one page
 * of customers per transaction: the page's history and tasks are read inside it, so the guards see
 * the tasks an event made a moment ago. Re-running creates nothing twice (deterministic ids).
 * Contract-end anchors need contract data the server does not hold yet: those rules find nothing.
 */
export async function runSweep(engine: Engine, config: FollowUpConfig, nowMs: number): Promise<SweepReport> {
  const now = new Date(nowMs).toISOString();
  const report: SweepReport = { customers: 0, created: 0 };
  let after = '';
  for (;;) {
    const page = await engine.tx(async (q) => {
      const customers = await q.listCustomersAfter(after, PAGE);
      const ids = customers.map((c) => c.customer.id);
      if (ids.length === 0) return { last: null, created: 0, count: 0 };
      const events = groupBy<HistoryEvent>(await q.listEventsOfCustomers(ids), (e) => e.customerId);
      const tasks: FollowUpTask[] = await q.listTasksOfCustomers(ids);
      const activities: CustomerActivity[] = customers.map((c) => ({ customer: c.customer, lastActivityAt: lastActivityAt(events.get(c.customer.id) ?? []) }));
      const { create } = sweep(config.rules, activities, tasks, now, config.policy);
      const teamOf = new Map(customers.map((c) => [c.customer.id, c.teamId]));
      let created = 0;
      for (const [customerId, drafts] of groupBy(create, (d) => d.customerId)) {
        created += await insertDrafts(q, teamOf.get(customerId) ?? '', drafts, nowMs);
      }
      return { last: ids[ids.length - 1] ?? null, created, count: ids.length };
    });
    report.customers += page.count;
    report.created += page.created;
    if (page.last === null || page.count < PAGE) return report;
    after = page.last;
  }
}

/**
 * Runs the sweep now and then every `intervalMs` (hourly by default in server/main.ts). A sweep
 * still running when the next is due is not doubled; a failed sweep is logged and tried next time.
 */
export function startSweeper(run: () => Promise<SweepReport>, options: { intervalMs: number; log: (m: string) => void }): () => void {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .then((r) => options.log(`follow-up sweep: ${r.customers} customers, ${r.created} tasks created`))
      .catch((error: unknown) => options.log(`follow-up sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
