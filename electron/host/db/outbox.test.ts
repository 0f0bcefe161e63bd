import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './open';
import { outboxStore } from './outbox';

let db: Db;
let store: ReturnType<typeof outboxStore>;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = outboxStore(db);
});
afterEach(() => db.close());

describe('outbox store', () => {
  it('hands out pending ops oldest first, and forgets them once the server acknowledged', () => {
    store.enqueue({ opId: 'op-1', kind: 'saveOutcome', payload: { taskId: 't1' }, createdAt: '2026-01-01T00:00:00Z' });
    store.enqueue({ opId: 'op-2', kind: 'saveOutcome', payload: { taskId: 't2' }, createdAt: '2026-01-01T00:00:01Z' });
    expect(store.pending(10).map((op) => op.opId)).toEqual(['op-1', 'op-2']);
    store.markSent(['op-1'], '2026-01-01T00:01:00Z');
    expect(store.pending(10)).toEqual([
      { opId: 'op-2', kind: 'saveOutcome', payload: { taskId: 't2' }, createdAt: '2026-01-01T00:00:01.000Z', attempts: 0, sentAt: null },
    ]);
    expect(store.pendingCount()).toBe(1);
  });

  it('counts failed attempts', () => {
    store.enqueue({ opId: 'op-1', kind: 'k', payload: {}, createdAt: '2026-01-01T00:00:00Z' });
    store.recordAttempt(['op-1']);
    store.recordAttempt(['op-1']);
    expect(store.pending(1)[0]?.attempts).toBe(2);
  });

  it('refuses a payload that cannot become JSON', () => {
    expect(() => store.enqueue({ opId: 'op-1', kind: 'k', payload: undefined, createdAt: '2026-01-01T00:00:00Z' })).toThrow(/op-1/);
  });
});
