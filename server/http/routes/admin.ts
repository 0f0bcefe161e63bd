import { z } from 'zod';
import { hashPassword } from '../../auth/passwords';
import { HttpError, parseOr400 } from '../errors';
import { actorOf, type Route } from '../route';
import { publicUser } from './auth';

const NewTeam = z.object({ name: z.string().trim().min(1).max(100) });
const NewUser = z.object({
  username: z.string().regex(/^[\p{L}\p{N}_.-]{2,64}$/u, '2-64 letters, digits or _.-'),
  password: z.string().min(10, 'at least 10 characters').max(200),
  role: z.enum(['agent', 'supervisor', 'admin']),
  teamId: z.string().min(1).max(64).nullable().default(null),
});
const TeamQuery = z.object({ teamId: z.string().max(64).optional() });

export const adminRoutes: Route[] = [
  {
    method: 'POST',
    url: '/admin/teams',
    access: 'admin',
    async handler({ req, deps, reply }) {
      const team = await deps.store.createTeam(parseOr400(NewTeam, req.body).name);
      void reply.status(201);
      return team;
    },
  },
  { method: 'GET', url: '/admin/teams', access: 'admin', handler: async ({ deps }) => ({ teams: await deps.store.listTeams() }) },
  {
    method: 'POST',
    url: '/admin/users',
    access: 'admin',
    async handler({ req, deps, reply }) {
      const input = parseOr400(NewUser, req.body);
      const user = await deps.store.createUser({ ...input, passwordHash: await hashPassword(input.password) });
      void reply.status(201);
      return publicUser(user);
    },
  },
  {
    // Supervisors see their own team's people; admins any team, or everyone.
    method: 'GET',
    url: '/team/users',
    access: 'supervisor',
    async handler({ req, actor, deps }) {
      const me = actorOf(actor);
      const { teamId } = parseOr400(TeamQuery, req.query);
      if (me.role !== 'admin' && teamId !== undefined && teamId !== me.teamId) throw new HttpError('forbidden', 'another team', 'teamId');
      const users = await deps.store.listUsers(me.role === 'admin' ? (teamId ?? null) : me.teamId);
      return { users: users.map(publicUser) };
    },
  },
];
