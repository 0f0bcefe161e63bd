import { z } from 'zod';
import { Customer, CustomerId, FollowUpTask, HistoryEvent, Instant, TaskId } from '../domain';
import { FieldClocks, HlcString, NodeId } from './hlc';

/**
 * The sync protocol between a console and the server. Consoles push their outbox (operations with
 * client-made ids) and pull the server's change feed since a cursor (the server sequence). All of it
 * is plain JSON validated by these schemas on both ends.
 */

/** Client operation id: made once when the operation enters the outbox, reused on every resend. */
export const OpId = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'op ids are 8-100 letters, digits or _.:-');

/** The customer fields a console may edit; each is merged last-writer-wins on its own clock. */
export const EditableCustomer = Customer.pick({
  name: true,
  segment: true,
  tags: true,
  region: true,
  timeZone: true,
  email: true,
  company: true,
  city: true,
  language: true,
});
export type EditableCustomer = z.infer<typeof EditableCustomer>;
export const EDITABLE_CUSTOMER_FIELDS = Object.keys(EditableCustomer.shape) as (keyof EditableCustomer)[];

const opBase = { opId: OpId, hlc: HlcString };

/** Append a history event (a note, a call record): append-only, idempotent by op id and event id. */
export const HistoryAppendOp = z.object({ ...opBase, type: z.literal('history.append'), event: HistoryEvent });

/** Edit some customer fields: last writer wins per field on the op's clock. */
export const CustomerPatchOp = z.object({
  ...opBase,
  type: z.literal('customer.patch'),
  customerId: CustomerId,
  fields: EditableCustomer.partial().refine((f) => Object.keys(f).length > 0, 'a patch needs at least one field'),
});

/** The outcome of working a task: the event is always kept; the task closes if the lease was still ours. */
export const TaskOutcomeOp = z.object({
  ...opBase,
  type: z.literal('task.outcome'),
  taskId: TaskId,
  /** The lease epoch the console held when it recorded the outcome. */
  leaseEpoch: z.number().int().min(0),
  result: z.enum(['done', 'skipped', 'retry']),
  event: HistoryEvent,
});

export const Operation = z.discriminatedUnion('type', [HistoryAppendOp, CustomerPatchOp, TaskOutcomeOp]);
export type Operation = z.infer<typeof Operation>;
export type OperationType = Operation['type'];

export const MAX_PUSH_OPS = 500;
export const PushRequest = z.object({
  clientId: NodeId,
  ops: z.array(Operation).min(1).max(MAX_PUSH_OPS),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * One ack per operation, in request order. `applied` and `duplicate` both mean "the server has it,
 * drop it from the outbox"; `rejected` means it will never apply (bad data, no access) and says why.
 * `code: lease_lost` on an applied outcome: the event was kept, the task had gone to someone else.
 */
export const OpAck = z.object({
  opId: OpId,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** Server sequence of the change the op made; null when it changed nothing visible. */
  seq: z.number().int().min(0).nullable(),
  code: z.string().max(40).optional(),
  message: z.string().max(500).optional(),
});
export type OpAck = z.infer<typeof OpAck>;
export const PushResponse = z.object({ acks: z.array(OpAck) });
export type PushResponse = z.infer<typeof PushResponse>;

/** Cursor: the server sequence of the last change the console has applied; 0 means "from the start". */
export const Cursor = z.number().int().min(0);
/** Most changes per pull: an initial sync of 300k rows takes 60 round trips, a page stays a few MB. */
export const MAX_PULL_LIMIT = 5000;
export const PullRequest = z.object({
  since: Cursor,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullRequest = z.infer<typeof PullRequest>;

/** Per-field clocks travel with the customer, packed (packed-clocks.ts), so a console can merge its own pending edits. */
export const CustomerChange = z.object({
  domain: z.literal('customer'),
  seq: Cursor,
  customer: Customer,
  phones: z.array(z.object({ e164: z.string(), label: z.string(), isPrimary: z.boolean() })),
  clocks: FieldClocks,
});
export const HistoryChange = z.object({ domain: z.literal('history'), seq: Cursor, event: HistoryEvent });
export const LeaseView = z.object({
  holder: z.string().nullable(),
  leaseUntil: Instant.nullable(),
  epoch: z.number().int().min(0),
});
export const TaskChange = z.object({ domain: z.literal('task'), seq: Cursor, task: FollowUpTask, lease: LeaseView });
export const Change = z.discriminatedUnion('domain', [CustomerChange, HistoryChange, TaskChange]);
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  /** Pass as `since` next time. */
  cursor: Cursor,
  /** More changes wait beyond this batch: pull again right away. */
  hasMore: z.boolean(),
  /**
   * The feed's head when this page was read: how far the console has to go, so it can show its
   * progress while it catches up (an initial sync). Absent from servers before it was added.
   */
  head: Cursor.optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;
/**
 * A pull answer also says where it ends in two headers (the body's cursor and hasMore), so a
 * console can ask for the next page as soon as the headers arrive, while it still reads, checks
 * and stores this one: the server makes page N+1 while the console works on page N.
 */
export const PULL_CURSOR_HEADER = 'x-huifang-cursor';
export const PULL_HAS_MORE_HEADER = 'x-huifang-has-more';

export const ClaimRequest = z.object({ taskId: TaskId });
export const ClaimResponse = z.discriminatedUnion('granted', [
  z.object({ granted: z.literal(true), taskId: TaskId, lease: LeaseView, renewed: z.boolean() }),
  z.object({ granted: z.literal(false), taskId: TaskId, holder: z.string(), leaseUntil: Instant }),
]);
export type ClaimResponse = z.infer<typeof ClaimResponse>;
export const ReleaseRequest = z.object({ taskId: TaskId, leaseEpoch: z.number().int().min(0) });

/**
 * The live channel (WebSocket): the console says where it is, the server streams what it missed
 * and then everything new. A console may also push its outbox over it (`push`, answered by `acks`
 * with the same id and the acks /sync/push would give): no HTTP request per outcome, and the
 * socket is already authenticated. Each op is checked on its own, as on /sync/push.
 */
/**
 * A push as the server first reads it, over HTTP or the live channel: who sends, and ops that
 * have an id. Each op is then checked on its own (server/sync/push-ops.ts), so one malformed op
 * gets its own `rejected` ack instead of failing the whole push.
 */
export const PushEnvelope = z.object({
  clientId: NodeId,
  ops: z.array(z.object({ opId: OpId }).passthrough()).min(1).max(MAX_PUSH_OPS),
});
export const LivePush = PushEnvelope.extend({
  type: z.literal('push'),
  /** Echoed in the answer; the console's own counter. */
  id: z.number().int().min(0),
});
export const LiveClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), cursor: Cursor }),
  z.object({ type: z.literal('ping') }),
  LivePush,
  /** A fresh access token for this socket (the one it was opened with expires); refused unless it names the same account. */
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;
export const LiveServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changes'), changes: z.array(Change), cursor: Cursor }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('acks'), id: z.number().int().min(0), acks: z.array(OpAck) }),
  /** `id`: the push it answers (that push was not applied: send it again, e.g. over HTTP). */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), id: z.number().int().min(0).optional() }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;
