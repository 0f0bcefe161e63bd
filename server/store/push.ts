import type { HistoryEvent } from '../../shared/domain';
import { asksNotToBeCalled, taskAfterOutcome } from '../../shared/followup';
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
import type { ChangeRef, OpReservation, Queries, TaskRow } from '../db/queries';
import { canSeeTeam, type Actor } from './access';
import { unitOfWork } from './batch';
import type { StoreContext } from './context';
import { GroupCommit } from './group-commit';

/**
 * A request's ops go to the group commit in slices of this many, one slice after the other: a push
 * cut by a crash keeps the slices before the cut, and one client's ops still apply in order.
 */
const CHUNK = 50;

/** One slice of one request, with the acks of its clock-skewed ops (refused before any transaction). */
interface Slice {
  actor: Actor;
  clientId: string;
  ops: Operation[];
  skew: Map<string, OpAck>;
}

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
    // The console ran the retry policy in the customer's zone; its decision is applied within bounds.
    const wrapUp = op.event.kind === 'followup' && op.event.payload.taskId === op.taskId ? op.event : null;
    const task = taskAfterOutcome(row.task, op.result, wrapUp, actor.userId);
    const next: TaskRow = { ...row, holder: null, leaseUntil: null, task };
    await q.updateTask(next);
    // A callback stays with its agent (the team's other agents never see it queued); a retry or a
    // closed task is news for the whole team, whose consoles drop or requeue it.
    const owner = task.status === 'queued' ? task.assignedTo : null;
    const seq = await q.appendChange({ domain: 'task', entityId: op.taskId, teamId: row.teamId, userId: owner, prevUserId: row.holder, at: ctx.now() });
    if (asksNotToBeCalled(wrapUp)) await markDoNotCall(q, row.task.customerId);
    return applied(op.opId, seq);
  }

  /** The customer asked never to be called: a flag no console can set through customer.patch. */
  async function markDoNotCall(q: Queries, customerId: string): Promise<void> {
    const row = await q.getCustomer(customerId, true);
    if (!row || row.customer.doNotCall === true) return;
    await q.updateCustomer({ ...row, customer: { ...row.customer, doNotCall: true, updatedAt: ctx.iso() } });
    await q.appendChange({ domain: 'customer', entityId: customerId, teamId: row.teamId, userId: null, prevUserId: null, at: ctx.now() });
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

  /**
   * One group-committed transaction over the slices of several requests (see group-commit.ts).
   * All op ids are reserved in one statement; the rows the ops read are loaded in a few (tasks
   * and customers row-locked in id order); then the ops run one after another, in arrival order,
   * on the unit of work, each seeing what the ones before it did. Their rows are written in one
   * statement per table, then the changes (on PostgreSQL the sequence counter is locked from there
   * to commit only), then the acks, which carry those sequences, in one statement.
   */
  async function applyBatch(tx: Queries, slices: readonly Slice[]): Promise<OpAck[][]> {
    const uow = unitOfWork(tx);
    const q = uow.queries;
    const reservations: OpReservation[] = [];
    const seen = new Set<string>();
    for (const s of slices) {
      for (const op of s.ops) {
        if (s.skew.has(op.opId) || seen.has(op.opId)) continue;
        seen.add(op.opId);
        reservations.push({ opId: op.opId, clientId: s.clientId, userId: s.actor.userId, at: ctx.now() });
      }
    }
    const reserved = await tx.reserveOps(reservations);
    const resent = reservations.filter((r) => !reserved.has(r.opId)).map((r) => r.opId);
    const earlier = resent.length > 0 ? await tx.getOpAcks(resent) : new Map<string, OpAck | null>();

    const fresh = slices.flatMap((s) => s.ops.filter((op) => reserved.has(op.opId)));
    const events = fresh.flatMap((op) => (op.type === 'customer.patch' ? [] : [op.event]));
    // The follow-up hook row-locks the customer of each event it acts on and reads its tasks; a patch locks its customer.
    const hooked = events.filter((e) => ctx.hookWants(e)).map((e) => e.customerId);
    await uow.preload({
      tasks: fresh.flatMap((op) => (op.type === 'task.outcome' ? [op.taskId] : [])),
      lockedCustomers: [...fresh.flatMap((op) => (op.type === 'customer.patch' ? [op.customerId] : [])), ...hooked],
      customers: events.map((e) => e.customerId),
      events: events.map((e) => e.id),
      taskListsOf: hooked,
    });

    const results: Array<Array<{ done: OpAck } | { draft: AckDraft } | { sameAs: string }>> = [];
    const handled = new Set<string>();
    for (const s of slices) {
      const out: (typeof results)[number] = [];
      results.push(out);
      for (const op of s.ops) {
        const skewed = s.skew.get(op.opId);
        if (skewed) out.push({ done: skewed });
        // The same op twice in one batch: the second is a resend of the first.
        else if (handled.has(op.opId)) out.push({ sameAs: op.opId });
        else {
          handled.add(op.opId);
          if (!reserved.has(op.opId)) out.push({ done: { ...(earlier.get(op.opId) ?? { opId: op.opId, seq: null }), status: 'duplicate' } });
          else out.push({ draft: await effectOrReject(q, s.actor, op) });
        }
      }
    }
    const seqs = await q.flushChanges();
    const finalOf = new Map<string, OpAck>();
    const toSave: OpAck[] = [];
    const acks = results.map((out) =>
      out.map((r) => {
        if ('done' in r) return r.done;
        if ('sameAs' in r) {
          const first = finalOf.get(r.sameAs);
          return { ...(first ?? { opId: r.sameAs, seq: null }), status: 'duplicate' as const };
        }
        const ack: OpAck = { ...r.draft, seq: r.draft.seq ? (seqs[r.draft.seq.index] ?? null) : null };
        if (r.draft.seq && ack.seq === null) throw new Error(`no sequence for change ${r.draft.seq.index}`);
        finalOf.set(ack.opId, ack);
        toSave.push(ack);
        return ack;
      }),
    );
    await tx.saveOpAcks(toSave);
    return acks;
  }

  async function effectOrReject(q: Queries, actor: Actor, op: Operation): Promise<AckDraft> {
    try {
      return await effect(q, actor, op);
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      return { opId: op.opId, status: 'rejected', seq: null, code: error.code, message: error.message };
    }
  }

  const commits = new GroupCommit<Slice, OpAck[]>((slices) => ctx.engine.tx((q) => applyBatch(q, slices)), ctx.groupCommit);

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
        acks.push(...(await commits.submit({ actor, clientId, ops: chunk, skew }, chunk.length)));
      }
      return acks;
    },
  };
}
