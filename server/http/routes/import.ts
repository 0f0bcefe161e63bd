import { z } from 'zod';
import { rowsFromCsv, rowsFromJson, runImport } from '../../import/run';
import { IMPORT_KINDS } from '../../import/rows';
import { HttpError, parseOr400 } from '../errors';
import { actorOf, type Route } from '../route';

const Params = z.object({ kind: z.enum(IMPORT_KINDS) });
const Query = z.object({
  teamId: z.string().min(1).max(64).optional(),
  region: z.string().regex(/^[A-Z]{2}$/).default('CN'),
  tz: z.string().max(64).default('Asia/Shanghai'),
});
const JsonBody = z.union([z.array(z.record(z.string(), z.unknown())).max(100_000), z.object({ rows: z.array(z.record(z.string(), z.unknown())).max(100_000) })]);

/**
 * POST /import/customers|orders|tickets|events — CSV (text/csv, any of UTF-8 / GBK / GB18030, with or
 * without BOM) or JSON (an array of rows, or {rows}). Supervisors import into their own team;
 * admins name the team with ?teamId=.
 */
export const importRoutes: Route[] = [
  {
    method: 'POST',
    url: '/import/:kind',
    access: 'supervisor',
    bodyLimit: 64 * 1024 * 1024,
    async handler({ req, actor, deps }) {
      const me = actorOf(actor);
      const { kind } = parseOr400(Params, req.params);
      const q = parseOr400(Query, req.query);
      if (me.role !== 'admin' && q.teamId !== undefined && q.teamId !== me.teamId) throw new HttpError('forbidden', 'you can import into your own team only', 'teamId');
      const teamId = me.role === 'admin' ? q.teamId : me.teamId;
      if (!teamId) throw new HttpError('bad_request', 'teamId: name the team to import into', 'teamId');
      if (!(await deps.store.getTeam(teamId))) throw new HttpError('bad_request', 'teamId: no such team', 'teamId');
      const ctx = { region: q.region, zone: q.tz };
      if (Buffer.isBuffer(req.body)) {
        const { rows, broken, encoding } = rowsFromCsv(req.body);
        return runImport(deps.store, teamId, kind, rows, ctx, encoding, broken);
      }
      const body = parseOr400(JsonBody, req.body);
      return runImport(deps.store, teamId, kind, rowsFromJson(Array.isArray(body) ? body : body.rows), ctx, 'json');
    },
  },
];
