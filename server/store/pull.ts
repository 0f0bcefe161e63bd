import type { Change, PullResponse } from '../../shared/sync';
import type { ChangeRow } from '../db/queries';
import { feedScope, type Actor } from './access';
import type { StoreContext } from './context';
import { customerChange, historyChange, taskChange } from './views';

/**
 * The change feed. The head is read first and the batch never goes past it: every change at or
 * below the head is committed (see the engines), so a cursor never skips a late commit.
 * An entity changed several times in a batch is sent once, in its current state, at its last seq.
 */
export function pullStore(ctx: StoreContext) {
  const { read } = ctx.engine;
  async function load(row: ChangeRow): Promise<Change | null> {
    switch (row.domain) {
      case 'customer': {
        const c = await read.getCustomer(row.entityId);
        return c && customerChange(c, row.seq);
      }
      case 'history': {
        const e = await read.getEvent(row.entityId);
        return e && historyChange(e, row.seq);
      }
      case 'task': {
        const t = await read.getTask(row.entityId);
        return t && taskChange(t, row.seq);
      }
    }
  }
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
      const changes: Change[] = [];
      for (const r of latest.values()) {
        const c = await load(r);
        if (c) changes.push(c);
      }
      const hasMore = rows.length === limit;
      const last = rows[rows.length - 1];
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore };
    },
  };
}
