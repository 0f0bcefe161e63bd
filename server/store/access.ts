import type { ChangeRow, FeedScope, Role } from '../db/queries';

/** Who is asking: every store method that returns or changes data takes one. */
export interface Actor {
  userId: string;
  role: Role;
  teamId: string | null;
}

export const ROLE_RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

export function atLeast(actor: Actor, role: Role): boolean {
  return ROLE_RANK[actor.role] >= ROLE_RANK[role];
}

/** Admins see every team; everyone else only their own. */
export function canSeeTeam(actor: Actor, teamId: string): boolean {
  return actor.role === 'admin' || actor.teamId === teamId;
}

/** Agents see their team's queue and their own tasks, not a colleague's task while the colleague's lease holds. */
export function canSeeTask(actor: Actor, task: { teamId: string; holder: string | null; leaseUntil: number | null }, now: number): boolean {
  if (!canSeeTeam(actor, task.teamId)) return false;
  if (actor.role !== 'agent') return true;
  return task.holder === null || task.holder === actor.userId || (task.leaseUntil ?? 0) <= now;
}

/**
 * The feed queries' rule (db/sqlite/sync.ts, db/postgres/sync.ts) for one change already read: a
 * team's changes for its supervisor; for an agent, the team's customers and history, and a task
 * change when the task was or is in the queue or theirs. The store suite holds the two together.
 */
export function inScope(row: Pick<ChangeRow, 'domain' | 'teamId' | 'userId' | 'prevUserId'>, scope: FeedScope): boolean {
  if (scope.kind === 'all') return true;
  if (row.teamId !== scope.teamId) return false;
  if (scope.kind === 'team' || row.domain !== 'task') return true;
  return row.userId === null || row.userId === scope.userId || row.prevUserId === null || row.prevUserId === scope.userId;
}

export function feedScope(actor: Actor): FeedScope {
  if (actor.role === 'admin' || actor.teamId === null) return { kind: 'all' };
  if (actor.role === 'supervisor') return { kind: 'team', teamId: actor.teamId };
  return { kind: 'agent', teamId: actor.teamId, userId: actor.userId };
}
