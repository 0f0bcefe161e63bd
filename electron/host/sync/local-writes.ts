import { randomUUID } from 'node:crypto';
import type { FollowUpTask, HistoryEvent } from '../../../shared/domain';
import { decodeHlc, encodeHlc, tick, type EditableCustomer, type Operation } from '../../../shared/sync';
import type { Db } from '../db/open';
import type { HistoryWriter } from '../db/history';
import type { OutboxWriter } from '../db/outbox';
import type { ReplicaStore } from '../db/replica';
import type { SyncStateStore } from '../db/sync-state';

export interface LocalWriteDeps {
  db: Db;
  state: SyncStateStore;
  replica: ReplicaStore;
  history: HistoryWriter;
  outbox: OutboxWriter;
  now: () => number;
  /** Told after each committed write (the sync client sends it if online). */
  onWrite: () => void;
}

export type OutcomeResult = 'done' | 'skipped' | 'retry';

/**
 * The console's own edits, offline or not: each changes the local store and queues its operation
 * in one transaction, so the agent sees the change at once and the server gets it exactly once
 * (the op id is made here and reused on every resend). Clocks tick from this console's HLC, which
 * is saved in the same transaction so it never runs backwards across restarts.
 */
export function localWrites(deps: LocalWriteDeps) {
  const { db, state, replica } = deps;
  const stamp = (): string => {
    const node = state.node();
    const next = encodeHlc(tick(decodeHlc(node.hlc), deps.now()));
    state.saveHlc(next);
    return next;
  };
  const enqueue = (op: Operation) => deps.outbox.enqueue({ opId: op.opId, kind: op.type, payload: op, createdAt: new Date(deps.now()).toISOString() });
  const opId = () => `op-${randomUUID()}`;
  const committed = <A extends unknown[]>(fn: (...args: A) => void) => {
    const tx = db.transaction(fn);
    return (...args: A) => {
      tx(...args);
      deps.onWrite();
    };
  };

  return {
    /** Edits customer fields; merged on the server last-writer-wins per field. */
    patchCustomer: committed((customerId: string, fields: Partial<EditableCustomer>) => {
      const hlc = stamp();
      replica.patchCustomer(customerId, fields, hlc, new Date(deps.now()).toISOString());
      enqueue({ type: 'customer.patch', opId: opId(), hlc, customerId, fields });
    }),
    /** Adds a history event (a note); append-only everywhere. */
    appendEvent: committed((event: HistoryEvent) => {
      deps.history.append(event);
      enqueue({ type: 'history.append', opId: opId(), hlc: stamp(), event });
    }),
    /**
     * Records the result of working a task under the lease this console holds: the task leaves the
     * local queue now; the server closes it on push if nobody was granted it since (else the event
     * is still kept and the task stays with its new holder).
     */
    recordOutcome: committed(
      (input: {
        taskId: string;
        result: OutcomeResult;
        event: HistoryEvent;
        agentId: string | null;
        /** The op id (a wrap-up's saveId, so a retried save is one op); made here when absent. */
        opId?: string;
        /** The task as the outcome leaves it (due, SLA, owner, dials: services/followup); absent = close as `result` says. */
        next?: FollowUpTask;
        /** Events written with it (the wrap-up's feedback), each sent as its own history.append. */
        alsoEvents?: readonly HistoryEvent[];
      }) => {
        const epoch = replica.lease(input.taskId)?.epoch ?? 0;
        for (const event of input.alsoEvents ?? []) {
          deps.history.append(event);
          enqueue({ type: 'history.append', opId: `${input.opId ?? opId()}-${event.kind}`.slice(0, 100), hlc: stamp(), event });
        }
        deps.history.append(input.event);
        if (input.next) replica.settleTask(input.next);
        else replica.closeTask(input.taskId, input.result === 'retry' ? 'queued' : input.result, input.result === 'retry' ? null : input.agentId);
        enqueue({ type: 'task.outcome', opId: input.opId ?? opId(), hlc: stamp(), taskId: input.taskId, leaseEpoch: epoch, result: input.result, event: input.event });
      },
    ),
  };
}
export type LocalWrites = ReturnType<typeof localWrites>;
