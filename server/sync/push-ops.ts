import { describeZodError } from '../../shared/api';
import { Operation, type OpAck } from '../../shared/sync';
import type { Actor } from '../store/access';
import type { Store } from '../store/store';

/**
 * Applies a push's ops, whichever way they came (/sync/push or the live channel): each op is
 * checked on its own, so one malformed op gets its own `rejected` ack and never blocks the
 * outbox behind it; the valid ones go to the store together. Acks in request order.
 */
export async function pushOps(store: Store, actor: Actor, clientId: string, ops: readonly { opId: string }[]): Promise<OpAck[]> {
  const parsed = ops.map((raw) => ({ raw, result: Operation.safeParse(raw) }));
  const valid = parsed.flatMap((p) => (p.result.success ? [p.result.data] : []));
  const applied = valid.length > 0 ? await store.push(actor, clientId, valid) : [];
  let next = 0;
  return parsed.map(({ raw, result }) => {
    if (result.success) return applied[next++]!;
    return { opId: raw.opId, status: 'rejected', seq: null, code: 'bad_request', message: describeZodError(result.error).message.slice(0, 500) };
  });
}
