import type { Queries, TeamRow } from '../queries';
import { toUser, type UserSql } from '../user-row';
import { one, type Exec } from './exec';

type AccountQueries = Pick<
  Queries,
  'insertTeam' | 'getTeam' | 'listTeams' | 'insertUser' | 'getUser' | 'getUserByName' | 'listUsers' | 'insertRefreshToken' | 'takeRefreshToken' | 'deleteRefreshTokens'
>;

const TEAM = 'SELECT id, name, created_at AS "createdAt" FROM teams';

export function accountQueries(db: Exec): AccountQueries {
  return {
    insertTeam: async (t) => void (await db.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [t.id, t.name, t.createdAt])),
    getTeam: (id) => one<TeamRow>(db, `${TEAM} WHERE id = $1`, [id]),
    listTeams: async () => (await db.query<TeamRow>(`${TEAM} ORDER BY name`)).rows,
    insertUser: async (u) =>
      void (await db.query('INSERT INTO users (id, username, password_hash, role, team_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        u.id,
        u.username,
        u.passwordHash,
        u.role,
        u.teamId,
        u.createdAt,
      ])),
    getUser: async (id) => {
      const r = await one<UserSql>(db, 'SELECT * FROM users WHERE id = $1', [id]);
      return r ? toUser(r) : null;
    },
    getUserByName: async (name) => {
      const r = await one<UserSql>(db, 'SELECT * FROM users WHERE username = $1', [name]);
      return r ? toUser(r) : null;
    },
    listUsers: async (teamId) =>
      (await db.query<UserSql>('SELECT * FROM users WHERE ($1::text IS NULL OR team_id = $1) ORDER BY username', [teamId])).rows.map(toUser),
    insertRefreshToken: async (hash, userId, expiresAt) =>
      void (await db.query('INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [hash, userId, expiresAt])),
    takeRefreshToken: (hash) =>
      one<{ userId: string; expiresAt: number }>(
        db,
        'DELETE FROM refresh_tokens WHERE token_hash = $1 RETURNING user_id AS "userId", expires_at AS "expiresAt"',
        [hash],
      ),
    deleteRefreshTokens: async (userId) => void (await db.query('DELETE FROM refresh_tokens WHERE user_id = $1', [userId])),
  };
}
