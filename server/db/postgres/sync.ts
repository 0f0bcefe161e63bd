import type { OpAck } from '../../../shared/sync';
import type { ChangeRow, Queries } from '../queries';
import { one, type Exec } from './exec';

type SyncQueries = Pick<Queries, 'reserveOp' | 'getOpAck' | 'saveOpAck' | 'appendChange' | 'headSeq' | 'listChanges'>;

const CHANGES = 'SELECT seq, domain, entity_id AS "entityId" FROM changes WHERE seq > $1 AND seq <= $2';
/** Same rule as the SQLite engine: agents see a task change when the task was or is in the queue or theirs. */
const AGENT_TASK_FILTER = `(domain <> 'task' OR user_id IS NULL OR user_id = $5 OR prev_user_id IS NULL OR prev_user_id = $5)`;

export function syncQueries(db: Exec): SyncQueries {
  return {
    // A concurrent resend of the same op waits here for the first to commit, then finds it taken.
    reserveOp: async (opId, clientId, userId, at) =>
      (await db.query('INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [opId, clientId, userId, at]))
        .rowCount === 1,
    getOpAck: async (opId) => (await one<{ ack: OpAck | null }>(db, 'SELECT ack FROM ops WHERE op_id = $1', [opId]))?.ack ?? null,
    saveOpAck: async (opId, ack) => void (await db.query('UPDATE ops SET ack = $1 WHERE op_id = $2', [JSON.stringify(ack), opId])),
    appendChange: async (c) => {
      const r = await one<{ seq: number }>(
        db,
        `WITH s AS (UPDATE sync_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq)
         INSERT INTO changes (seq, domain, entity_id, team_id, user_id, prev_user_id, at)
         SELECT s.seq, $1, $2, $3, $4, $5, $6 FROM s RETURNING seq`,
        [c.domain, c.entityId, c.teamId, c.userId, c.prevUserId, c.at],
      );
      if (!r) throw new Error('sync_counter row is missing');
      return r.seq;
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
