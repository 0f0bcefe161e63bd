import type { HistoryEvent } from '../../shared/domain';
import {
  ClockSkewError,
  EDITABLE_CUSTOMER_FIELDS,
  changedFields,
  mergeLww,
  outcomeMayClose,
  stableJson,
  stampPatch,
  valuesOf,
  type LwwRecord,
  type OpAck,
  type Operation,
} from '../../shared/sync';
import type { Queries, TaskRow } from '../db/queries';
import { canSeeTeam, type Actor } from './access';
import type { StoreContext } from './context';

/** Ops per transaction: big enough to be quick, small enough that a cut push keeps most of its work. */
const CHUNK = 50;

class Reject extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const applied = (opId: string, seq: number | null, code?: string, message?: string): OpAck => ({
  opId,
  status: 'applied',
  seq,
  ...(code ? { code } : {}),
  ...(message ? { message } : {}),
});

/**
 * Applies a console's outbox. Each op is reserved by its id in the same transaction as its effect,
 * so an op is applied exactly once however often it is resent or wherever the push was cut; a
 * resend gets the first ack back marked `duplicate`.
 */
export function pushStore(ctx: StoreContext) {
  async function appendEvent(q: Queries, actor: Actor, event: HistoryEvent, opId: string): Promise<{ seq: number | null; teamId: string }> {
    const customer = await q.getCustomer(event.customerId);
    if (!customer) throw new Reject('not_found', `no customer ${event.customerId}`);
    if (!canSeeTeam(actor, customer.teamId)) throw new Reject('forbidden', 'this customer belongs to another team');
    const existing = await q.getEvent(event.id);
    if (existing) {
      if (stableJson(existing.event) !== stableJson(event)) throw new Reject('event_conflict', `event ${event.id} exists with other content`);
      return { seq: null, teamId: customer.teamId };
    }
    await q.insertEvent({ teamId: customer.teamId, externalId: null, opId, event });
    const seq = await q.appendChange({ domain: 'history', entityId: event.id, teamId: customer.teamId, userId: null, prevUserId: null, at: ctx.now() });
    await ctx.onEvent(q, customer.teamId, event, ctx.now());
    return { seq, teamId: customer.teamId };
  }

  async function patchCustomer(q: Queries, actor: Actor, op: Extract<Operation, { type: 'customer.patch' }>): Promise<OpAck> {
    const row = await q.getCustomer(op.customerId, true);
    if (!row) throw new Reject('not_found', `no customer ${op.customerId}`);
    if (!canSeeTeam(actor, row.teamId)) throw new Reject('forbidden', 'this customer belongs to another team');
    const current: LwwRecord = Object.fromEntries(
      EDITABLE_CUSTOMER_FIELDS.map((f) => [f, { value: row.customer[f], hlc: row.clocks[f] ?? '000000000000000:00000:0' }]),
    );
    const merged = mergeLww(current, stampPatch(op.fields, op.hlc));
    if (changedFields(current, merged).length === 0) return applied(op.opId, null, 'superseded', 'newer edits of these fields already won');
    const customer = { ...row.customer, ...valuesOf(merged), updatedAt: ctx.iso() };
    const clocks = Object.fromEntries(Object.entries(merged).map(([f, s]) => [f, s.hlc]));
    await q.updateCustomer({ ...row, customer, clocks });
    return applied(op.opId, await q.appendChange({ domain: 'customer', entityId: op.customerId, teamId: row.teamId, userId: null, prevUserId: null, at: ctx.now() }));
  }

  async function recordOutcome(q: Queries, actor: Actor, op: Extract<Operation, { type: 'task.outcome' }>): Promise<OpAck> {
    const row = await q.getTask(op.taskId, true);
    if (!row) throw new Reject('not_found', `no task ${op.taskId}`);
    if (!canSeeTeam(actor, row.teamId)) throw new Reject('forbidden', 'this task belongs to another team');
    if (op.event.customerId !== row.task.customerId) throw new Reject('bad_request', 'event.customerId must be the task customer');
    const { seq: eventSeq } = await appendEvent(q, actor, op.event, op.opId);
    // The event is kept whatever happens to the task: an agent's recorded work is never dropped.
    if (row.task.status !== 'leased') return applied(op.opId, eventSeq, 'task_closed', `task is ${row.task.status}`);
    if (!outcomeMayClose(row, actor.userId, op.leaseEpoch)) return applied(op.opId, eventSeq, 'lease_lost', 'the task was claimed by someone else');
    const status = op.result === 'retry' ? 'queued' : op.result;
    const next: TaskRow = {
      ...row,
      holder: null,
      leaseUntil: null,
      task: { ...row.task, status, attempts: row.task.attempts + 1, assignedTo: op.result === 'retry' ? null : actor.userId },
    };
    await q.updateTask(next);
    const seq = await q.appendChange({ domain: 'task', entityId: op.taskId, teamId: row.teamId, userId: null, prevUserId: row.holder, at: ctx.now() });
    return applied(op.opId, seq);
  }

  async function effect(q: Queries, actor: Actor, op: Operation): Promise<OpAck> {
    switch (op.type) {
      case 'history.append':
        return applied(op.opId, (await appendEvent(q, actor, op.event, op.opId)).seq);
      case 'customer.patch':
        return patchCustomer(q, actor, op);
      case 'task.outcome':
        return recordOutcome(q, actor, op);
    }
  }

  async function applyOne(q: Queries, actor: Actor, clientId: string, op: Operation): Promise<OpAck> {
    if (!(await q.reserveOp(op.opId, clientId, actor.userId, ctx.now()))) {
      const first = await q.getOpAck(op.opId);
      return { ...(first ?? { opId: op.opId, seq: null }), status: 'duplicate' };
    }
    let ack: OpAck;
    try {
      ack = await effect(q, actor, op);
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      ack = { opId: op.opId, status: 'rejected', seq: null, code: error.code, message: error.message };
    }
    await q.saveOpAck(op.opId, ack);
    return ack;
  }

  return {
    async push(actor: Actor, clientId: string, ops: Operation[]): Promise<OpAck[]> {
      const acks: OpAck[] = [];
      for (let i = 0; i < ops.length; i += CHUNK) {
        const chunk = ops.slice(i, i + CHUNK);
        const skew = new Map<string, OpAck>();
        // A clock far ahead is refused before the op is reserved: it stays in the outbox for a later resend.
        for (const op of chunk) {
          try {
            ctx.receive(op.hlc);
          } catch (error) {
            if (!(error instanceof ClockSkewError)) throw error;
            skew.set(op.opId, { opId: op.opId, status: 'rejected', seq: null, code: 'clock_skew', message: error.message });
          }
        }
        const chunkAcks = await ctx.engine.tx(async (q) => {
          const out: OpAck[] = [];
          for (const op of chunk) out.push(skew.get(op.opId) ?? (await applyOne(q, actor, clientId, op)));
          return out;
        });
        acks.push(...chunkAcks);
      }
      return acks;
    },
  };
}
