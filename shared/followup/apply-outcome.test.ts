import { describe, expect, it } from 'vitest';
import type { FollowUpTask, HistoryEventOf } from '../domain';
import { asksNotToBeCalled, taskAfterOutcome } from './apply-outcome';

const task: FollowUpTask = {
  id: 'task-1',
  customerId: 'c1',
  type: 'satisfaction_survey',
  status: 'leased',
  priority: 3,
  dueAt: '2026-11-20T01:00:00.000Z',
  slaAt: '2026-11-23T01:00:00.000Z',
  reasonEventId: null,
  reason: 'delivered',
  attempts: 1,
  assignedTo: 'u-agent',
  createdAt: '2026-11-18T01:00:00.000Z',
};

function followup(payload: Partial<HistoryEventOf<'followup'>['payload']>): HistoryEventOf<'followup'> {
  return {
    id: 'ev-1',
    customerId: 'c1',
    kind: 'followup',
    occurredAt: '2026-11-25T02:00:00.000Z',
    summary: 'follow-up',
    payload: { taskId: 'task-1', type: 'satisfaction_survey', outcome: 'no_answer', agent: 'agent', notes: null, ...payload },
  };
}

describe('taskAfterOutcome (the server applying a console wrap-up)', () => {
  it('queues a no-answer retry at the time the console computed, for any agent, one more dial', () => {
    const next = taskAfterOutcome(task, 'retry', followup({ decision: 'retry', attempts: 2, nextDueAt: '2026-11-25T06:00:00.000Z', nextSlaAt: '2026-11-26T06:00:00.000Z', assignedTo: null }), 'u-agent');
    expect(next).toMatchObject({ status: 'queued', attempts: 2, dueAt: '2026-11-25T06:00:00.000Z', slaAt: '2026-11-26T06:00:00.000Z', assignedTo: null });
  });

  it('gives a callback back to the agent who took it, and never to anyone else', () => {
    const callback = followup({ outcome: 'callback', decision: 'callback', attempts: 2, nextDueAt: '2026-11-26T02:00:00.000Z', assignedTo: 'u-agent' });
    expect(taskAfterOutcome(task, 'retry', callback, 'u-agent').assignedTo).toBe('u-agent');
    const handedOver = followup({ outcome: 'callback', decision: 'callback', nextDueAt: '2026-11-26T02:00:00.000Z', assignedTo: 'u-colleague' });
    expect(taskAfterOutcome(task, 'retry', handedOver, 'u-agent').assignedTo).toBeNull();
  });

  it('keeps the dial count within one more than before, whatever the console claims', () => {
    expect(taskAfterOutcome(task, 'retry', followup({ attempts: 9 }), 'u').attempts).toBe(2);
    expect(taskAfterOutcome(task, 'retry', followup({ attempts: 0 }), 'u').attempts).toBe(1);
    expect(taskAfterOutcome(task, 'done', followup({ outcome: 'reached' }), 'u').attempts).toBe(2);
  });

  it('counts no dial for a skip or a reschedule', () => {
    expect(taskAfterOutcome(task, 'skipped', followup({ decision: 'skipped' }), 'u')).toMatchObject({ status: 'skipped', attempts: 1 });
    const moved = taskAfterOutcome(task, 'retry', followup({ decision: 'rescheduled', nextDueAt: '2026-11-27T02:00:00.000Z' }), 'u');
    expect(moved).toMatchObject({ status: 'queued', attempts: 1, dueAt: '2026-11-27T02:00:00.000Z', slaAt: '2026-11-27T02:00:00.000Z' });
  });

  it('closes with who closed it and leaves due and SLA alone', () => {
    const done = taskAfterOutcome(task, 'done', followup({ outcome: 'reached', nextDueAt: '2030-01-01T00:00:00.000Z' }), 'u-agent');
    expect(done).toMatchObject({ status: 'done', assignedTo: 'u-agent', dueAt: task.dueAt, slaAt: task.slaAt });
  });

  it('without a follow-up event (an older console) requeues as before: same due time, one dial', () => {
    expect(taskAfterOutcome(task, 'retry', null, 'u')).toMatchObject({ status: 'queued', attempts: 2, dueAt: task.dueAt, assignedTo: null });
  });

  it('recognizes the customer asking not to be called', () => {
    expect(asksNotToBeCalled(followup({ outcome: 'do_not_call' }))).toBe(true);
    expect(asksNotToBeCalled(followup({ outcome: 'refused' }))).toBe(false);
    expect(asksNotToBeCalled(null)).toBe(false);
  });
});
