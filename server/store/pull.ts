import type { Change, PullResponse } from '../../shared/sync';
import type { ChangeRow, Queries } from '../db/queries';
import { feedScope, inScope, type Actor } from './access';
import type { StoreContext } from './context';
import { customerChange, historyChange, taskChange } from './views';

/**
 * Loads the current state of every changed entity with one query per domain: a page of 1,000
 * changes used to cost 1,000 round trips to PostgreSQL. Keyed `domain:id`, each makes its Change at a given seq.
 */
/** `domain:id`: how loadStates keys the rows it loaded. */
const entityKey = (r: Pick<ChangeRow, 'domain' | 'entityId'>) => `${r.domain}:${r.entityId}`;

async function loadStates(read: Queries, rows: readonly ChangeRow[]): Promise<Map<string, (seq: number) => Change>> {
  const ids = (domain: ChangeRow['domain']) => rows.filter((r) => r.domain === domain).map((r) => r.entityId);
  const [customers, events, tasks] = await Promise.all([read.getCustomers(ids('customer')), read.getEvents(ids('history')), read.getTasks(ids('task'))]);
  const byKey = new Map<string, (seq: number) => Change>();
  for (const c of customers) byKey.set(`customer:${c.customer.id}`, (seq) => customerChange(c, seq));
  for (const e of events) byKey.set(`history:${e.event.id}`, (seq) => historyChange(e, seq));
  for (const t of tasks) byKey.set(`task:${t.task.id}`, (seq) => taskChange(t, seq));
  return byKey;
}

async function loadAll(read: Queries, rows: readonly ChangeRow[]): Promise<Change[]> {
  const byKey = await loadStates(read, rows);
  return rows.flatMap((r) => byKey.get(entityKey(r))?.(r.seq) ?? []);
}

/** An entity changed several times in a batch is sent once, in its current state, at its last seq. */
function latestPerEntity(rows: readonly ChangeRow[]): ChangeRow[] {
  const latest = new Map<string, ChangeRow>();
  for (const r of rows) {
    const key = entityKey(r);
    latest.delete(key);
    latest.set(key, r);
  }
  return [...latest.values()];
}

/**
 * The change feed. The head is read first and the batch never goes past it: every change at or
 * below the head is committed (see the engines), so a cursor never skips a late commit.
 */
export function pullStore(ctx: StoreContext) {
  const { read } = ctx.engine;
  return {
    headSeq: () => read.headSeq(),
    async pull(actor: Actor, since: number, limit: number): Promise<PullResponse> {
      const head = await read.headSeq();
      const rows = await read.listChanges(since, head, limit, feedScope(actor));
      const changes = await loadAll(read, latestPerEntity(rows));
      const hasMore = rows.length === limit;
      const last = rows[rows.length - 1];
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore };
    },
    /**
     * `pull` for several consoles at the same cursor with one read of the feed and of the changed
     * rows (the live channel: hundreds of consoles, woken on every commit): the page of all
     * changes is read once and each actor gets the part its scope allows (`inScope`), exactly what
     * its own `pull` would give. All share the cursor, which stands where the page of all changes ends.
     */
    async pullMany(actors: readonly Actor[], since: number, limit: number): Promise<{ changes: Change[][]; cursor: number; hasMore: boolean }> {
      const head = await read.headSeq();
      const rows = await read.listChanges(since, head, limit, { kind: 'all' });
      const visible = actors.map((actor) => {
        const scope = feedScope(actor);
        return latestPerEntity(rows.filter((r) => inScope(r, scope)));
      });
      const loaded = await loadStates(read, latestPerEntity(rows));
      // Each row's Change is made once and shared by every actor who sees it (the live hub then
      // serializes it once too): a team's 500 consoles all get the same history events.
      const made = new Map<ChangeRow, Change | null>();
      const change = (r: ChangeRow): Change | null => {
        let c = made.get(r);
        if (c === undefined) {
          c = loaded.get(entityKey(r))?.(r.seq) ?? null;
          made.set(r, c);
        }
        return c;
      };
      const changes = visible.map((vs) => vs.flatMap((r) => change(r) ?? []));
      const hasMore = rows.length === limit;
      const last = rows[rows.length - 1];
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore };
    },
  };
}
