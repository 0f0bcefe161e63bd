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
import type { ChangeRef, Queries, TaskRow } from '../db/queries';
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

/** An ack before commit: its change's sequence is known only once the transaction's changes are written. */
type AckDraft = Omit<OpAck, 'seq'> & { seq: ChangeRef | null };

const applied = (opId: string, seq: ChangeRef | null, code?: string, message?: string): AckDraft => ({
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
  async function appendEvent(q: Queries, actor: Actor, event: HistoryEvent, opId: string): Promise<{ seq: ChangeRef | null; teamId: string }> {
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

  async function patchCustomer(q: Queries, actor: Actor, op: Extract<Operation, { type: 'customer.patch' }>): Promise<AckDraft> {
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

  async function recordOutcome(q: Queries, actor: Actor, op: Extract<Operation, { type: 'task.outcome' }>): Promise<AckDraft> {
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

  async function effect(q: Queries, actor: Actor, op: Operation): Promise<AckDraft> {
    switch (op.type) {
      case 'history.append':
        return applied(op.opId, (await appendEvent(q, actor, op.event, op.opId)).seq);
      case 'customer.patch':
        return patchCustomer(q, actor, op);
      case 'task.outcome':
        return recordOutcome(q, actor, op);
    }
  }

  /** A final ack (a resend of an applied op) or a draft to complete and store before commit. */
  async function applyOne(q: Queries, actor: Actor, clientId: string, op: Operation): Promise<{ done: OpAck } | { draft: AckDraft }> {
    if (!(await q.reserveOp(op.opId, clientId, actor.userId, ctx.now()))) {
      const first = await q.getOpAck(op.opId);
      return { done: { ...(first ?? { opId: op.opId, seq: null }), status: 'duplicate' } };
    }
    try {
      return { draft: await effect(q, actor, op) };
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      return { draft: { opId: op.opId, status: 'rejected', seq: null, code: error.code, message: error.message } };
    }
  }

  /**
   * One chunk in one transaction. The changes of all its ops are written together at the end (on
   * PostgreSQL the sequence counter is locked from there to commit only), then the acks, which carry
   * those sequences, in one statement.
   */
  async function applyChunk(q: Queries, actor: Actor, clientId: string, chunk: Operation[], skew: Map<string, OpAck>): Promise<OpAck[]> {
    const results: Array<{ done: OpAck } | { draft: AckDraft } | { sameAs: number }> = [];
    const firstAt = new Map<string, number>();
    for (const [i, op] of chunk.entries()) {
      const skewed = skew.get(op.opId);
      const earlier = firstAt.get(op.opId);
      if (skewed) results.push({ done: skewed });
      // The same op twice in one request: the second is a resend of the first.
      else if (earlier !== undefined) results.push({ sameAs: earlier });
      else {
        firstAt.set(op.opId, i);
        results.push(await applyOne(q, actor, clientId, op));
      }
    }
    const seqs = await q.flushChanges();
    const finals: OpAck[] = [];
    const toSave: OpAck[] = [];
    for (const r of results) {
      if ('done' in r) finals.push(r.done);
      else if ('draft' in r) {
        const ack: OpAck = { ...r.draft, seq: r.draft.seq ? (seqs[r.draft.seq.index] ?? null) : null };
        if (r.draft.seq && ack.seq === null) throw new Error(`no sequence for change ${r.draft.seq.index}`);
        toSave.push(ack);
        finals.push(ack);
      } else {
        const first = finals[r.sameAs];
        finals.push({ ...(first ?? { opId: chunk[r.sameAs]?.opId ?? '', seq: null }), status: 'duplicate' });
      }
    }
    await q.saveOpAcks(toSave);
    return finals;
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
        const chunkAcks = await ctx.engine.tx((q) => applyChunk(q, actor, clientId, chunk, skew));
        acks.push(...chunkAcks);
      }
      return acks;
    },
  };
}
