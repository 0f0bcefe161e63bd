import { z } from 'zod';
import { Cursor, MAX_PULL_LIMIT, PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER, PushEnvelope } from '../../../shared/sync';
import { pushOps } from '../../sync/push-ops';
import { parseOr400 } from '../errors';
import { actorOf, type Route } from '../route';

const PullQuery = z.object({ since: z.coerce.number().pipe(Cursor), limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500) });

export const syncRoutes: Route[] = [
  {
    method: 'POST',
    url: '/sync/push',
    access: 'agent',
    bodyLimit: 16 * 1024 * 1024,
    async handler({ req, actor, deps }) {
      const { clientId, ops } = parseOr400(PushEnvelope, req.body);
      const acks = await pushOps(deps.store, actorOf(actor), clientId, ops);
      return { acks };
    },
  },
  {
    method: 'GET',
    url: '/sync/pull',
    access: 'agent',
    async handler({ req, reply, actor, deps }) {
      const { since, limit } = parseOr400(PullQuery, req.query);
      const page = await deps.store.pull(actorOf(actor), since, limit);
      void reply.header(PULL_CURSOR_HEADER, String(page.cursor)).header(PULL_HAS_MORE_HEADER, page.hasMore ? '1' : '0');
      return page;
    },
  },
];
