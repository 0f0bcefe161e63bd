import type { Database } from 'better-sqlite3';
import type { TeamRow } from '../queries';
import { toUser, type UserSql } from '../user-row';
import type { SyncOf } from './types';

type AccountQueries = SyncOf<
  'insertTeam' | 'getTeam' | 'listTeams' | 'insertUser' | 'getUser' | 'getUserByName' | 'listUsers' | 'insertRefreshToken' | 'takeRefreshToken' | 'deleteRefreshTokens'
>;

const TEAM = 'SELECT id, name, created_at AS createdAt FROM teams';

export function accountQueries(db: Database): AccountQueries {
  const s = {
    insertTeam: db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)'),
    getTeam: db.prepare(`${TEAM} WHERE id = ?`),
    listTeams: db.prepare(`${TEAM} ORDER BY name`),
    insertUser: db.prepare('INSERT INTO users (id, username, password_hash, role, team_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    getUser: db.prepare('SELECT * FROM users WHERE id = ?'),
    getUserByName: db.prepare('SELECT * FROM users WHERE username = ?'),
    listUsers: db.prepare('SELECT * FROM users WHERE (? IS NULL OR team_id = ?) ORDER BY username'),
    insertToken: db.prepare('INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)'),
    takeToken: db.prepare('DELETE FROM refresh_tokens WHERE token_hash = ? RETURNING user_id AS userId, expires_at AS expiresAt'),
    deleteTokens: db.prepare('DELETE FROM refresh_tokens WHERE user_id = ?'),
  };
  return {
    insertTeam: (t) => void s.insertTeam.run(t.id, t.name, t.createdAt),
    getTeam: (id) => (s.getTeam.get(id) as TeamRow | undefined) ?? null,
    listTeams: () => s.listTeams.all() as TeamRow[],
    insertUser: (u) => void s.insertUser.run(u.id, u.username, u.passwordHash, u.role, u.teamId, u.createdAt),
    getUser: (id) => {
      const r = s.getUser.get(id) as UserSql | undefined;
      return r ? toUser(r) : null;
    },
    getUserByName: (name) => {
      const r = s.getUserByName.get(name) as UserSql | undefined;
      return r ? toUser(r) : null;
    },
    listUsers: (teamId) => (s.listUsers.all(teamId, teamId) as UserSql[]).map(toUser),
    insertRefreshToken: (hash, userId, expiresAt) => void s.insertToken.run(hash, userId, expiresAt),
    takeRefreshToken: (hash) => (s.takeToken.get(hash) as { userId: string; expiresAt: number } | undefined) ?? null,
    deleteRefreshTokens: (userId) => void s.deleteTokens.run(userId),
  };
}
