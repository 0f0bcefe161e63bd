// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type QueueTask } from '../../stores/queue';
import { createFakeHost } from '../../testing/fakeHost';
import { makePreview, makeSettings } from '../../testing/followup';
import { makeCustomer, makeHistory } from '../../testing/fixtures';
import { interact, renderApp, settle, stubViewport } from '../../testing/renderApp';

let restore: () => void;
beforeAll(() => {
  restore = stubViewport(600);
});
afterAll(() => restore());
afterEach(cleanup);

function task(i: number, over: Partial<QueueTask> = {}): QueueTask {
  return {
    id: `t-${i}`,
    customerId: i % 2 === 0 ? 'c-1' : 'c-2',
    customerName: i % 2 === 0 ? '王芳' : '王磊',
    type: i % 3 === 0 ? 'complaint_care' : 'satisfaction_survey',
    status: 'queued',
    priority: (i % 5) + 1,
    dueAt: '2030-01-01T02:00:00.000Z',
    slaAt: '2030-01-02T02:00:00.000Z',
    reasonEventId: null,
    reason: `原因 ${i}`,
    attempts: i % 3,
    assignedTo: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...over,
  };
}

function setup() {
  const tasks = [...Array.from({ length: 1000 }, (_, i) => task(i)), task(1000, { status: 'done' })];
  const host = createFakeHost({
    customers: [makeCustomer({ id: 'c-1' }), makeCustomer({ id: 'c-2', name: '王磊' })],
    history: { 'c-2': makeHistory(3, undefined, 'c-2') },
    tasks,
  }, {
    followUpSettings: () => makeSettings(),
    openTask: ({ taskId }) => {
      const t = tasks.find((x) => x.id === taskId) ?? task(0);
      return makePreview(0, { task: t, customer: { id: t.customerId, name: t.customerName } });
    },
  });
  return { host, app: renderApp(host) };
}

describe('follow-up queue', () => {
  it('lists queued tasks in a virtual window and opens a clicked task as a preview with its customer', async () => {
    const { host } = setup();
    await settle();
    const rows = screen.getAllByTestId('queue-row');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(30);
    expect(screen.getByTestId('queue-panel').textContent).toContain('1,000 tasks');
    await interact(() => fireEvent.click(rows[1] as HTMLElement));
    await settle();
    expect(host.callsOf('openTask')).toEqual([{ taskId: 't-1' }]);
    expect(screen.getByTestId('task-preview').dataset['taskId']).toBe('t-1');
    expect(screen.getByTestId('customer-name').textContent).toBe('王磊');
    expect(screen.getAllByTestId('queue-row')[1]?.dataset.active).toBe('true');
  });

  it('reloads with the chosen status and type', async () => {
    const { host } = setup();
    await settle();
    await interact(() => fireEvent.change(screen.getByTestId('queue-status-filter'), { target: { value: 'done' } }));
    await settle();
    expect(host.callsOf('queueList').at(-1)).toEqual({ status: 'done', limit: 200, offset: 0 });
    expect(screen.getAllByTestId('queue-row')).toHaveLength(1);

    await interact(() => fireEvent.change(screen.getByTestId('queue-status-filter'), { target: { value: '' } }));
    await interact(() => fireEvent.change(screen.getByTestId('queue-type-filter'), { target: { value: 'complaint_care' } }));
    await settle();
    expect(host.callsOf('queueList').at(-1)).toEqual({ type: 'complaint_care', limit: 200, offset: 0 });
  });

  it('asks the host for the tasks this agent holds when "held by me" is chosen', async () => {
    const { host } = setup();
    await settle();
    await interact(() => fireEvent.change(screen.getByTestId('queue-status-filter'), { target: { value: 'held' } }));
    await settle();
    expect(host.callsOf('queueList').at(-1)).toEqual({ held: true, limit: 200, offset: 0 });
    expect(screen.getByTestId<HTMLSelectElement>('queue-status-filter').value).toBe('held');
  });
});
