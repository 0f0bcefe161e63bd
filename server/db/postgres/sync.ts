import type { OpAck } from '../../../shared/sync';
import type { ChangeRow, Queries } from '../queries';
import { one, type Exec } from './exec';

type SyncQueries = Pick<Queries, 'reserveOp' | 'getOpAck' | 'reserveOps' | 'getOpAcks' | 'saveOpAcks' | 'writeChanges' | 'headSeq' | 'listChanges'>;

/** Sent with the changes: delivered at commit to every server process, never for a rollback. */
export const CHANNEL = 'huifang_changes';

const CHANGES = 'SELECT seq, domain, entity_id AS "entityId", team_id AS "teamId", user_id AS "userId", prev_user_id AS "prevUserId" FROM changes WHERE seq > $1 AND seq <= $2';
/** Same rule as the SQLite engine: agents see a task change when the task was or is in the queue or theirs. */
const AGENT_TASK_FILTER = `(domain <> 'task' OR user_id IS NULL OR user_id = $5 OR prev_user_id IS NULL OR prev_user_id = $5)`;

export function syncQueries(db: Exec): SyncQueries {
  return {
    // A concurrent resend of the same op waits here for the first to commit, then finds it taken.
    reserveOp: async (opId, clientId, userId, at) =>
      (await db.query('INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [opId, clientId, userId, at]))
        .rowCount === 1,
    getOpAck: async (opId) => (await one<{ ack: OpAck | null }>(db, 'SELECT ack FROM ops WHERE op_id = $1', [opId]))?.ack ?? null,
    // Same rule for a whole batch; inserted in op id order so two batches sharing ids wait instead of deadlocking.
    reserveOps: async (rows) => {
      if (rows.length === 0) return new Set();
      const sorted = [...rows].sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
      const r = await db.query<{ op_id: string }>(
        `INSERT INTO ops (op_id, client_id, user_id, received_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
         ON CONFLICT DO NOTHING RETURNING op_id`,
        [sorted.map((o) => o.opId), sorted.map((o) => o.clientId), sorted.map((o) => o.userId), sorted.map((o) => o.at)],
      );
      return new Set(r.rows.map((o) => o.op_id));
    },
    getOpAcks: async (opIds) => {
      const r = await db.query<{ op_id: string; ack: OpAck | null }>('SELECT op_id, ack FROM ops WHERE op_id = ANY($1::text[])', [opIds]);
      return new Map(r.rows.map((o) => [o.op_id, o.ack]));
    },
    saveOpAcks: async (acks) => {
      if (acks.length === 0) return;
      // One JSON document, not a jsonb[]: pg's array escaping of JSON strings is slower than the update.
      await db.query("UPDATE ops SET ack = t.ack FROM jsonb_array_elements($1::jsonb) AS t(ack) WHERE ops.op_id = t.ack->>'opId'", [JSON.stringify(acks)]);
    },
    // One statement per transaction: the counter moves by the number of changes (its row lock, held
    // until commit, keeps sequences visible in order), the rows go in together, NOTIFY rides along.
    writeChanges: async (changes) => {
      if (changes.length === 0) return [];
      const r = await one<{ seq: number }>(
        db,
        `WITH s AS (UPDATE sync_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq),
         ins AS (
           INSERT INTO changes (seq, domain, entity_id, team_id, user_id, prev_user_id, at)
           SELECT s.seq - $1 + t.ord, t.domain, t.entity_id, t.team_id, t.user_id, t.prev_user_id, t.at
           FROM s, unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])
             WITH ORDINALITY AS t(domain, entity_id, team_id, user_id, prev_user_id, at, ord)
         )
         SELECT s.seq, pg_notify('${CHANNEL}', '') FROM s`,
        [
          changes.length,
          changes.map((c) => c.domain),
          changes.map((c) => c.entityId),
          changes.map((c) => c.teamId),
          changes.map((c) => c.userId),
          changes.map((c) => c.prevUserId),
          changes.map((c) => c.at),
        ],
      );
      if (!r) throw new Error('sync_counter row is missing');
      const first = r.seq - changes.length + 1;
      return changes.map((_, i) => first + i);
    },
    headSeq: async () => (await one<{ seq: number }>(db, 'SELECT seq FROM sync_counter WHERE id = 1', []))?.seq ?? 0,
    listChanges: async (since, upTo, limit, scope) => {
      if (scope.kind === 'all') return (await db.query<ChangeRow>(`${CHANGES} ORDER BY seq LIMIT $3`, [since, upTo, limit])).rows;
      if (scope.kind === 'team') {
        return (await db.query<ChangeRow>(`${CHANGES} AND team_id = $4 ORDER BY seq LIMIT $3`, [since, upTo, limit, scope.teamId])).rows;
      }
      return (
        await db.query<ChangeRow>(`${CHANGES} AND team_id = $4 AND ${AGENT_TASK_FILTER} ORDER BY seq LIMIT $3`, [since, upTo, limit, scope.teamId, scope.userId])
      ).rows;
    },
  };
}
