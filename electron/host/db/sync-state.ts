import { randomUUID } from 'node:crypto';
import type { Db } from './open';

export interface SyncSession {
  server: string;
  username: string;
  userId: string;
  role: 'agent' | 'supervisor' | 'admin';
  teamId: string | null;
  cursor: number;
  lastSyncAt: number | null;
}

export interface PendingOp {
  seq: number;
  opId: string;
  kind: string;
  payload: unknown;
  createdAt: number;
}

/** The sync bookkeeping of migration 008 and the outbox reads the sender needs. */
export function syncStateStore(db: Db) {
  const s = {
    node: db.prepare<[], { client_id: string; hlc: string }>('SELECT client_id, hlc FROM sync_node WHERE id = 1'),
    newNode: db.prepare<[string, string]>('INSERT INTO sync_node (id, client_id, hlc) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING'),
    setHlc: db.prepare<[string]>('UPDATE sync_node SET hlc = ? WHERE id = 1'),
    session: db.prepare<[], { server: string; username: string; user_id: string; role: SyncSession['role']; team_id: string | null; cursor: number; last_sync_at: number | null }>(
      'SELECT server, username, user_id, role, team_id, cursor, last_sync_at FROM sync_session WHERE id = 1',
    ),
    saveSession: db.prepare(
      `INSERT INTO sync_session (id, server, username, user_id, role, team_id, cursor, last_sync_at)
       VALUES (1, @server, @username, @userId, @role, @teamId, @cursor, @lastSyncAt)
       ON CONFLICT (id) DO UPDATE SET server = excluded.server, username = excluded.username, user_id = excluded.user_id,
         role = excluded.role, team_id = excluded.team_id, cursor = excluded.cursor, last_sync_at = excluded.last_sync_at`,
    ),
    clearSession: db.prepare('DELETE FROM sync_session'),
    setCursor: db.prepare<[number, number]>('UPDATE sync_session SET cursor = max(cursor, ?), last_sync_at = ? WHERE id = 1'),
    pending: db.prepare<[string, number, number], { seq: number; op_id: string; kind: string; payload: string; created_at: number }>(
      `SELECT seq, op_id, kind, payload, created_at FROM outbox
        WHERE sent_at IS NULL AND kind IN (SELECT value FROM json_each(?)) AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    pendingCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND kind IN (SELECT value FROM json_each(?))'),
    ack: db.prepare<[number, string]>('UPDATE outbox SET sent_at = ? WHERE op_id = ? AND sent_at IS NULL'),
    attempt: db.prepare<[string]>('UPDATE outbox SET attempts = attempts + 1 WHERE op_id = ?'),
  };
  const ackMany = db.transaction((opIds: readonly string[], at: number) => opIds.forEach((id) => s.ack.run(at, id)));
  const attemptMany = db.transaction((opIds: readonly string[]) => opIds.forEach((id) => s.attempt.run(id)));

  return {
    /** This console's node id and last clock; made once, on first use. */
    node(): { clientId: string; hlc: string } {
      const row = s.node.get();
      if (row) return { clientId: row.client_id, hlc: row.hlc };
      const clientId = `console-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      s.newNode.run(clientId, `${'0'.repeat(15)}:00000:${clientId}`);
      return this.node();
    },
    /** Meant to run inside the transaction of the write the clock stamps. */
    saveHlc: (hlc: string) => void s.setHlc.run(hlc),
    session(): SyncSession | null {
      const r = s.session.get();
      return r ? { server: r.server, username: r.username, userId: r.user_id, role: r.role, teamId: r.team_id, cursor: r.cursor, lastSyncAt: r.last_sync_at } : null;
    },
    saveSession: (session: SyncSession) => void s.saveSession.run(session),
    clearSession: () => void s.clearSession.run(),
    /** The cursor only moves forward: a late, smaller one (an old page) never rewinds it. */
    advanceCursor: (cursor: number, at: number) => void s.setCursor.run(cursor, at),
    /** Outbox rows of the given kinds not yet acknowledged, oldest first, after `afterSeq`. */
    pending(kinds: readonly string[], afterSeq: number, limit: number): PendingOp[] {
      return s.pending.all(JSON.stringify(kinds), afterSeq, limit).map((r) => ({
        seq: r.seq,
        opId: r.op_id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as unknown,
        createdAt: r.created_at,
      }));
    },
    pendingCount: (kinds: readonly string[]) => s.pendingCount.get(JSON.stringify(kinds))?.n ?? 0,
    /** The server has these ops (applied, duplicate, or refused for good): they leave the outbox. */
    acknowledge: (opIds: readonly string[], at: number) => ackMany(opIds, at),
    recordAttempt: (opIds: readonly string[]) => attemptMany(opIds),
  };
}
export type SyncStateStore = ReturnType<typeof syncStateStore>;
