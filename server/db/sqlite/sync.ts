import type { Database } from 'better-sqlite3';
import type { OpAck } from '../../../shared/sync';
import type { ChangeRow, FeedScope } from '../queries';
import type { SyncOf } from './types';

type SyncQueries = SyncOf<'reserveOp' | 'getOpAck' | 'reserveOps' | 'getOpAcks' | 'saveOpAcks' | 'writeChanges' | 'headSeq' | 'listChanges'>;

/** An agent sees its team's customers and history, and a task change when the task was or is in the queue or theirs. */
const AGENT_TASK_FILTER = `(domain <> 'task' OR user_id IS NULL OR user_id = @userId OR prev_user_id IS NULL OR prev_user_id = @userId)`;
const CHANGES = 'SELECT seq, domain, entity_id AS entityId, team_id AS teamId, user_id AS userId, prev_user_id AS prevUserId FROM changes WHERE seq > @since AND seq <= @upTo';

export function syncQueries(db: Database): SyncQueries {
  const s = {
    reserve: db.prepare('INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    getAck: db.prepare('SELECT ack FROM ops WHERE op_id = ?').pluck(),
    saveAck: db.prepare('UPDATE ops SET ack = ? WHERE op_id = ?'),
    append: db.prepare(
      'INSERT INTO changes (domain, entity_id, team_id, user_id, prev_user_id, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq',
    ).pluck(),
    head: db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)").pluck(),
    all: db.prepare(`${CHANGES} ORDER BY seq LIMIT @limit`),
    team: db.prepare(`${CHANGES} AND team_id = @teamId ORDER BY seq LIMIT @limit`),
    agent: db.prepare(`${CHANGES} AND team_id = @teamId AND ${AGENT_TASK_FILTER} ORDER BY seq LIMIT @limit`),
  };
  const ackOf = (raw: string | null | undefined) => (raw ? (JSON.parse(raw) as OpAck) : null);
  const statementFor = (scope: FeedScope) => (scope.kind === 'all' ? s.all : scope.kind === 'team' ? s.team : s.agent);
  return {
    reserveOp: (opId, clientId, userId, at) => s.reserve.run(opId, clientId, userId, at).changes === 1,
    getOpAck: (opId) => ackOf(s.getAck.get(opId) as string | null | undefined),
    reserveOps: (rows) => new Set(rows.filter((o) => s.reserve.run(o.opId, o.clientId, o.userId, o.at).changes === 1).map((o) => o.opId)),
    getOpAcks: (opIds) => {
      const acks = new Map<string, OpAck | null>();
      for (const id of opIds) {
        const raw = s.getAck.get(id) as string | null | undefined;
        if (raw !== undefined) acks.set(id, ackOf(raw));
      }
      return acks;
    },
    saveOpAcks: (acks) => {
      for (const ack of acks) s.saveAck.run(JSON.stringify(ack), ack.opId);
    },
    // The single writer commits sequences in order; AUTOINCREMENT numbers them.
    writeChanges: (changes) => changes.map((c) => s.append.get(c.domain, c.entityId, c.teamId, c.userId, c.prevUserId, c.at) as number),
    headSeq: () => s.head.get() as number,
    listChanges: (since, upTo, limit, scope) =>
      statementFor(scope).all({
        since,
        upTo,
        limit,
        ...(scope.kind === 'all' ? {} : { teamId: scope.teamId }),
        ...(scope.kind === 'agent' ? { userId: scope.userId } : {}),
      }) as ChangeRow[],
  };
}
