import type { Change, PullResponse } from '../../shared/sync';
import type { ChangeRow, Queries } from '../db/queries';
import { feedScope, type Actor } from './access';
import type { StoreContext } from './context';
import { customerChange, historyChange, taskChange } from './views';

/**
 * Loads the current state of every changed entity with one query per domain: a page of 1,000
 * changes used to cost 1,000 round trips to PostgreSQL.
 */
async function loadAll(read: Queries, rows: readonly ChangeRow[]): Promise<Change[]> {
  const ids = (domain: ChangeRow['domain']) => rows.filter((r) => r.domain === domain).map((r) => r.entityId);
  const [customers, events, tasks] = await Promise.all([read.getCustomers(ids('customer')), read.getEvents(ids('history')), read.getTasks(ids('task'))]);
  const byKey = new Map<string, (seq: number) => Change>();
  for (const c of customers) byKey.set(`customer:${c.customer.id}`, (seq) => customerChange(c, seq));
  for (const e of events) byKey.set(`history:${e.event.id}`, (seq) => historyChange(e, seq));
  for (const t of tasks) byKey.set(`task:${t.task.id}`, (seq) => taskChange(t, seq));
  return rows.flatMap((r) => {
    const make = byKey.get(`${r.domain}:${r.entityId}`);
    return make ? [make(r.seq)] : [];
  });
}

/**
 * The change feed. The head is read first and the batch never goes past it: every change at or
 * below the head is committed (see the engines), so a cursor never skips a late commit.
 * An entity changed several times in a batch is sent once, in its current state, at its last seq.
 */
export function pullStore(ctx: StoreContext) {
  const { read } = ctx.engine;
  return {
    headSeq: () => read.headSeq(),
    async pull(actor: Actor, since: number, limit: number): Promise<PullResponse> {
      const head = await read.headSeq();
      const rows = await read.listChanges(since, head, limit, feedScope(actor));
      const latest = new Map<string, ChangeRow>();
      for (const r of rows) {
        const key = `${r.domain}:${r.entityId}`;
        latest.delete(key);
        latest.set(key, r);
      }
      const changes = await loadAll(read, [...latest.values()]);
      const hasMore = rows.length === limit;
      const last = rows[rows.length - 1];
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore };
    },
  };
}
