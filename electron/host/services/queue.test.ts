import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores } from '../db';
import { aTask } from '../db/test-fixtures';
import { smallHost } from './test-host';

let host: ReturnType<typeof smallHost>;
beforeEach(() => {
  host = smallHost();
  createStores(host.db, { defaultRegion: 'CN' }).tasks.insertMany([
    aTask('t1', 'c-zw', { type: 'complaint_care', priority: 1 }),
    aTask('t2', 'c-ej', { type: 'renewal_call', priority: 2 }),
    aTask('t3', 'c-wf', { type: 'complaint_care', status: 'done' }),
  ]);
});
afterEach(() => host.close());

describe('queueList', () => {
  it('lists queued tasks with customer names in queue order', async () => {
    const list = await host.call('queueList', { status: 'queued' });
    expect(list.total).toBe(2);
    expect(list.tasks.map((t) => [t.id, t.customerName])).toEqual([
      ['t1', '张伟'],
      ['t2', 'Emily Johnson'],
    ]);
  });

  it('filters by type across statuses', async () => {
    expect((await host.call('queueList', { type: 'complaint_care' })).tasks.map((t) => t.id)).toEqual(['t1', 't3']);
  });
});
