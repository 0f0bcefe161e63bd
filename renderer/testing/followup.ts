import type { FollowUpSettings, QueuedTask, TaskPreview } from '../../shared/api/followup';
import type { Survey } from '../../shared/followup/survey';
import type { Customer, HistoryEvent } from '../../shared/domain';
import { makeCustomer, makeEvent } from './fixtures';

/** Follow-up test data that passes the contract's schemas: settings, surveys, tasks and previews. */

export const SURVEY: Survey = {
  id: 'csat-delivery',
  title: { en: 'Delivery survey', 'zh-CN': '配送满意度' },
  questions: [
    { id: 'csat', kind: 'csat', required: true },
    { id: 'nps', kind: 'nps', required: false },
    { id: 'ces', kind: 'ces', required: false },
    { id: 'on_time', kind: 'yes_no', required: true, label: { en: 'Did it arrive on time?', 'zh-CN': '是否准时送达？' } },
    {
      id: 'channel',
      kind: 'choice',
      required: false,
      label: { en: 'How would you like to hear from us?', 'zh-CN': '您希望我们如何联系您？' },
      options: [
        { value: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
        { value: 'sms', label: { en: 'SMS', 'zh-CN': '短信' } },
      ],
    },
    { id: 'comment', kind: 'text', required: false, maxLength: 1000, label: { en: 'Anything else?', 'zh-CN': '其他意见？' } },
  ],
};

export const INBOUND_SURVEY: Survey = {
  id: 'csat-inbound',
  title: { en: 'After-call CSAT', 'zh-CN': '来电满意度' },
  questions: [{ id: 'csat', kind: 'csat', required: true }],
};

export function makeSettings(over: Partial<FollowUpSettings> = {}): FollowUpSettings {
  return {
    dispositions: [
      { id: 'reached', label: { en: 'Reached', 'zh-CN': '已联系' }, outcome: 'reached' },
      { id: 'no_answer', label: { en: 'No answer', 'zh-CN': '无人接听' }, outcome: 'no_answer' },
      { id: 'busy', label: { en: 'Busy / declined', 'zh-CN': '忙线/拒接' }, outcome: 'busy' },
      { id: 'callback', label: { en: 'Call back later', 'zh-CN': '约定回拨' }, outcome: 'callback' },
      { id: 'refused', label: { en: 'Refused', 'zh-CN': '拒绝回访' }, outcome: 'refused' },
    ],
    surveys: [SURVEY, INBOUND_SURVEY],
    progressiveDelaySec: 0,
    ...over,
  };
}

export function makeTask(i: number, over: Partial<QueuedTask> = {}): QueuedTask {
  return {
    id: `task-${i}`,
    customerId: `c-${i}`,
    customerName: `客户${i}`,
    type: 'satisfaction_survey',
    status: 'queued',
    priority: 3,
    dueAt: '2026-11-25T01:00:00.000Z',
    slaAt: '2026-11-28T01:00:00.000Z',
    reasonEventId: `ev-order-${i}`,
    reason: 'Satisfaction survey after delivery',
    attempts: 0,
    assignedTo: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    surveyId: SURVEY.id,
    scriptId: 'satisfaction-v1',
    ...over,
  };
}

export function makePreview(i: number, over: { task?: Partial<QueuedTask>; customer?: Partial<Customer>; preview?: Partial<TaskPreview> } = {}): TaskPreview {
  const task = makeTask(i, over.task);
  const customer = makeCustomer({ id: task.customerId, name: task.customerName, ...over.customer });
  const reasonEvent: HistoryEvent = makeEvent('order', `ev-order-${i}`, '2026-11-22T03:00:00.000Z', customer.id);
  return {
    task,
    customer,
    reasonEvent,
    script: {
      scriptId: 'satisfaction-v1',
      title: '满意度回访',
      text: `您好${customer.name}，您的订单O-1已送达。`,
      segments: [
        { text: '您好' },
        { placeholder: 'customer.name', value: customer.name, filled: true },
        { text: '，您的订单' },
        { placeholder: 'order.id', value: 'O-1', filled: true },
        { text: '已送达，快递员' },
        { placeholder: 'agent.name', value: '', filled: false },
        { text: '。' },
      ],
      missing: ['agent.name'],
      unknown: [],
    },
    survey: SURVEY,
    dial: {
      number: '+8613800138000',
      check: { ok: true, e164: '+8613800138000' },
      zone: 'Asia/Shanghai',
      localTime: '2026-11-25T02:00:00.000Z',
    },
    attemptsLeft: 3,
    canCallback: true,
    ...over.preview,
  };
}
