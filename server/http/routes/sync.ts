import { z } from 'zod';
import { describeZodError } from '../../../shared/api';
import { Cursor, MAX_PULL_LIMIT, MAX_PUSH_OPS, NodeId, OpId, Operation, PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER, type OpAck } from '../../../shared/sync';
import { parseOr400 } from '../errors';
import { actorOf, type Route } from '../route';

const PullQuery = z.object({ since: z.coerce.number().pipe(Cursor), limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500) });
const PushEnvelope = z.object({
  clientId: NodeId,
  ops: z.array(z.object({ opId: OpId }).passthrough()).min(1).max(MAX_PUSH_OPS),
});

export const syncRoutes: Route[] = [
  {
    method: 'POST',
    url: '/sync/push',
    access: 'agent',
    bodyLimit: 16 * 1024 * 1024,
    async handler({ req, actor, deps }) {
      // One malformed op must not block the outbox behind it: it gets its own `rejected` ack.
      const { clientId, ops } = parseOr400(PushEnvelope, req.body);
      const parsed = ops.map((raw) => ({ raw, result: Operation.safeParse(raw) }));
      const valid = parsed.flatMap((p) => (p.result.success ? [p.result.data] : []));
      const applied = valid.length > 0 ? await deps.store.push(actorOf(actor), clientId, valid) : [];
      let next = 0;
      const acks: OpAck[] = parsed.map(({ raw, result }) => {
        if (result.success) return applied[next++]!;
        return { opId: raw.opId, status: 'rejected', seq: null, code: 'bad_request', message: describeZodError(result.error).message.slice(0, 500) };
      });
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
