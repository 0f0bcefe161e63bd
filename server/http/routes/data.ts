import { z } from 'zod';
import { CustomerId, EventId, Instant, TaskId } from '../../../shared/domain';
import { ClaimRequest, ReleaseRequest } from '../../../shared/sync';
import { parseOr400 } from '../errors';
import { actorOf, type Route } from '../route';

const CustomerParams = z.object({ id: CustomerId });
const TaskParams = z.object({ id: TaskId });
const HistoryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    beforeAt: Instant.optional(),
    beforeId: EventId.optional(),
  })
  .refine((q) => (q.beforeAt === undefined) === (q.beforeId === undefined), { message: 'give beforeAt and beforeId together', path: ['beforeId'] });
const NewTask = z.object({
  customerId: CustomerId,
  type: z.string().min(1).max(64),
  priority: z.number().int().min(1).max(5).default(3),
  dueAt: Instant,
  slaAt: Instant,
  reason: z.string().max(300).default(''),
  reasonEventId: EventId.nullable().default(null),
});

/** Customers, history and tasks, each checked against the caller's team in the store. */
export const dataRoutes: Route[] = [
  {
    method: 'GET',
    url: '/customers/:id',
    access: 'agent',
    handler: async ({ req, actor, deps }) => deps.store.getCustomer(actorOf(actor), parseOr400(CustomerParams, req.params).id),
  },
  {
    method: 'GET',
    url: '/customers/:id/history',
    access: 'agent',
    async handler({ req, actor, deps }) {
      const { id } = parseOr400(CustomerParams, req.params);
      const q = parseOr400(HistoryQuery, req.query);
      const before = q.beforeAt && q.beforeId ? { occurredAt: q.beforeAt, id: q.beforeId } : null;
      const events = await deps.store.history(actorOf(actor), id, q.limit + 1, before);
      const page = events.slice(0, q.limit);
      const last = page[page.length - 1];
      return { events: page, nextCursor: events.length > q.limit && last ? { occurredAt: last.occurredAt, id: last.id } : null };
    },
  },
  {
    method: 'POST',
    url: '/tasks',
    access: 'supervisor',
    async handler({ req, actor, deps, reply }) {
      const task = await deps.store.createTask(actorOf(actor), parseOr400(NewTask, req.body));
      void reply.status(201);
      return task;
    },
  },
  {
    method: 'GET',
    url: '/tasks/:id',
    access: 'agent',
    handler: async ({ req, actor, deps }) => deps.store.getTask(actorOf(actor), parseOr400(TaskParams, req.params).id),
  },
  {
    method: 'POST',
    url: '/tasks/:id/claim',
    access: 'agent',
    handler: async ({ req, actor, deps }) => deps.store.claim(actorOf(actor), parseOr400(ClaimRequest, { taskId: (req.params as { id?: string }).id }).taskId),
  },
  {
    method: 'POST',
    url: '/tasks/:id/release',
    access: 'agent',
    async handler({ req, actor, deps }) {
      const { taskId, leaseEpoch } = parseOr400(ReleaseRequest, { ...(req.body as object), taskId: (req.params as { id?: string }).id });
      await deps.store.release(actorOf(actor), taskId, leaseEpoch);
      return { ok: true };
    },
  },
];
