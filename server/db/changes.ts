import type { ChangeRef, NewChange, Queries } from './queries';

/**
 * The change queue of one transaction, shared by both engines: `appendChange` only remembers the
 * change; `flush` writes what is queued in one `writeChanges` call. The engines flush before commit,
 * so on PostgreSQL the sequence counter's row lock is held for the last statements only.
 */
export function changeQueue(write: (changes: readonly NewChange[]) => Promise<number[]>) {
  const queued: NewChange[] = [];
  const seqs: number[] = [];
  return {
    get appended(): boolean {
      return seqs.length + queued.length > 0;
    },
    appendChange(change: NewChange): Promise<ChangeRef> {
      queued.push(change);
      return Promise.resolve({ index: seqs.length + queued.length - 1 });
    },
    async flush(): Promise<readonly number[]> {
      if (queued.length > 0) {
        const batch = queued.splice(0);
        const written = await write(batch);
        if (written.length !== batch.length) throw new Error(`wrote ${written.length} of ${batch.length} changes`);
        seqs.push(...written);
      }
      return seqs;
    },
  };
}

/** For the engines' committed-data readers: changes are appended in transactions only. */
export function outsideTransaction(q: Omit<Queries, 'appendChange' | 'flushChanges'>): Queries {
  const refuse = () => Promise.reject(new Error('changes are appended inside Engine.tx only'));
  return { ...q, appendChange: refuse, flushChanges: refuse };
}

/** Wraps one transaction's queries with its change queue. */
export function inTransaction(q: Queries) {
  const queue = changeQueue((changes) => q.writeChanges(changes));
  const queries: Queries = { ...q, appendChange: (c) => queue.appendChange(c), flushChanges: () => queue.flush() };
  return { queries, queue };
}
