import type { Role, UserRow } from './queries';

/** A users row as both engines return it (snake_case columns, times as epoch ms). */
export interface UserSql {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  team_id: string | null;
  created_at: number;
}

export const toUser = (r: UserSql): UserRow => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role as Role,
  teamId: r.team_id,
  createdAt: r.created_at,
});
