import type { Change, PullResponse } from '../../shared/sync';
import type { ChangeRow, FeedScope, Queries } from '../db/queries';
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

/** For each row, the index of the next row of the same entity in the page (-1: none). */
function laterOfSameEntity(rows: readonly ChangeRow[]): Int32Array {
  const later = new Int32Array(rows.length).fill(-1);
  const lastAt = new Map<string, number>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const key = entityKey(rows[i]!);
    const j = lastAt.get(key);
    if (j !== undefined) later[i] = j;
    lastAt.set(key, i);
  }
  return later;
}

/** An entity changed several times in a batch is sent once, in its current state, at its last seq. */
function latestPerEntity(rows: readonly ChangeRow[], later = laterOfSameEntity(rows)): ChangeRow[] {
  return rows.filter((_, i) => later[i] === -1);
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
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore, head: Math.max(head, since) };
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
      const later = laterOfSameEntity(rows);
      const loaded = await loadStates(read, latestPerEntity(rows, later));
      // Each row's Change is made once and shared by every actor who sees it (the live hub then
      // serializes it once too): a team's 500 consoles all get the same history events.
      const made: (Change | null | undefined)[] = new Array<undefined>(rows.length);
      const change = (i: number): Change | null => {
        let c = made[i];
        if (c === undefined) {
          const r = rows[i]!;
          c = loaded.get(entityKey(r))?.(r.seq) ?? null;
          made[i] = c;
        }
        return c;
      };
      // Agents differ only in task rows that name a holder both before and after (a claim, a
      // renewal, an outcome of a leased task): an agent named in none sees what every such agent of
      // its team sees, and they share one list (and the hub one frame).
      const named = new Set<string>();
      for (const r of rows) {
        if (r.domain === 'task' && r.userId !== null && r.prevUserId !== null) named.add(r.userId).add(r.prevUserId);
      }
      const shared = new Map<string, Change[]>();
      const changes = actors.map((actor) => {
        const scope = feedScope(actor);
        const key = scope.kind === 'all' ? 'all' : scope.kind === 'team' || !named.has(scope.userId) ? `${scope.kind} ${scope.teamId}` : null;
        let out = key === null ? undefined : shared.get(key);
        if (!out) {
          out = visibleChanges(scope);
          if (key !== null) shared.set(key, out);
        }
        return out;
      });
      const hasMore = rows.length === limit;
      const last = rows[rows.length - 1];
      return { changes, cursor: hasMore && last ? last.seq : Math.max(head, since), hasMore };

      /** What `pull` gives a scope: its rows, an entity once, at its last row the scope may see. */
      function visibleChanges(scope: FeedScope): Change[] {
        const out: Change[] = [];
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          if (!inScope(r, scope)) continue;
          let seenLater = false;
          for (let j = later[i]!; j !== -1; j = later[j]!) {
            if (inScope(rows[j]!, scope)) {
              seenLater = true;
              break;
            }
          }
          if (seenLater) continue;
          const c = change(i);
          if (c) out.push(c);
        }
        return out;
      }
    },
  };
}
