import { randomUUID } from 'node:crypto';
import type { Role, TeamRow, UserRow } from '../db/queries';
import type { StoreContext } from './context';
import { StoreError } from './errors';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  teamId: string | null;
}

/** Teams, users and refresh tokens. Passwords arrive already hashed: hashing belongs to server/auth. */
export function accountStore(ctx: StoreContext) {
  const { engine } = ctx;
  return {
    async createTeam(name: string): Promise<TeamRow> {
      return engine.tx(async (q) => {
        const exists = (await q.listTeams()).some((t) => t.name === name);
        if (exists) throw new StoreError('conflict', `team "${name}" already exists`, 'name');
        const row = { id: `team_${randomUUID()}`, name, createdAt: ctx.now() };
        await q.insertTeam(row);
        return row;
      });
    },
    listTeams: () => engine.read.listTeams(),
    getTeam: (id: string) => engine.read.getTeam(id),
    async createUser(user: NewUser): Promise<UserRow> {
      if (user.role !== 'admin' && user.teamId === null) throw new StoreError('bad_request', 'agents and supervisors belong to a team', 'teamId');
      return engine.tx(async (q) => {
        if (await q.getUserByName(user.username)) throw new StoreError('conflict', `user "${user.username}" already exists`, 'username');
        if (user.teamId !== null && !(await q.getTeam(user.teamId))) throw new StoreError('bad_request', 'no such team', 'teamId');
        const row: UserRow = { id: `user_${randomUUID()}`, ...user, createdAt: ctx.now() };
        await q.insertUser(row);
        return row;
      });
    },
    getUser: (id: string) => engine.read.getUser(id),
    findUser: (username: string) => engine.read.getUserByName(username),
    listUsers: (teamId: string | null) => engine.read.listUsers(teamId),
    saveRefreshToken: (hash: string, userId: string, expiresAt: number) => engine.tx((q) => q.insertRefreshToken(hash, userId, expiresAt)),
    takeRefreshToken: (hash: string) => engine.tx((q) => q.takeRefreshToken(hash)),
    revokeRefreshTokens: (userId: string) => engine.tx((q) => q.deleteRefreshTokens(userId)),
  };
}
