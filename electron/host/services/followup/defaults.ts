import type { Disposition } from '../../../../shared/api/followup';
import type { Survey } from '../../../../shared/followup/survey';

/**
 * The built-in follow-up settings: what a console uses when IT has not put a settings file in place
 * (docs/followup.md, "Settings file"). Written in the file's own format, so they double as examples.
 */

export const DEFAULT_DISPOSITIONS: readonly Disposition[] = [
  { id: 'reached_satisfied', label: { 'zh-CN': '已接通 · 满意', en: 'Reached – satisfied' }, outcome: 'reached' },
  { id: 'reached_neutral', label: { 'zh-CN': '已接通 · 一般', en: 'Reached – neutral' }, outcome: 'reached' },
  { id: 'reached_unhappy', label: { 'zh-CN': '已接通 · 不满意', en: 'Reached – unhappy' }, outcome: 'reached' },
  { id: 'callback', label: { 'zh-CN': '客户预约回拨', en: 'Callback requested' }, outcome: 'callback' },
  { id: 'no_answer', label: { 'zh-CN': '无人接听', en: 'No answer' }, outcome: 'no_answer' },
  { id: 'busy', label: { 'zh-CN': '占线', en: 'Busy' }, outcome: 'busy' },
  { id: 'voicemail', label: { 'zh-CN': '转入语音信箱', en: 'Voicemail' }, outcome: 'voicemail' },
  { id: 'call_failed', label: { 'zh-CN': '呼叫失败（网络/线路）', en: 'Call failed (network or line)' }, outcome: 'failed' },
  { id: 'wrong_number', label: { 'zh-CN': '号码错误', en: 'Wrong number' }, outcome: 'wrong_number' },
  { id: 'refused', label: { 'zh-CN': '拒绝回访', en: 'Declined the follow-up' }, outcome: 'refused' },
  { id: 'do_not_call', label: { 'zh-CN': '要求不再来电', en: 'Asked not to be called again' }, outcome: 'do_not_call' },
];

const comment = {
  id: 'comment',
  kind: 'text',
  label: { 'zh-CN': '客户原话 / 其他意见', en: 'In the customer’s words / other remarks' },
  maxLength: 1000,
  required: false,
} as const;

/** The survey ids the built-in rules name (shared/followup/rules/builtin.ts). */
export const DEFAULT_SURVEYS: readonly Survey[] = [
  {
    id: 'csat-delivery',
    title: { 'zh-CN': '配送满意度回访', en: 'Delivery satisfaction' },
    questions: [
      { id: 'csat', kind: 'csat', required: true },
      { id: 'on_time', kind: 'yes_no', required: false, label: { 'zh-CN': '商品是否按承诺时间送达？', en: 'Did it arrive when promised?' } },
      {
        id: 'courier',
        kind: 'choice',
        required: false,
        label: { 'zh-CN': '快递员的服务态度', en: 'How was the courier?' },
        options: [
          { value: 'good', label: { 'zh-CN': '很好', en: 'Good' } },
          { value: 'ok', label: { 'zh-CN': '一般', en: 'OK' } },
          { value: 'poor', label: { 'zh-CN': '较差', en: 'Poor' } },
        ],
      },
      { id: 'nps', kind: 'nps', required: false },
      comment,
    ],
  },
  {
    id: 'csat-purchase',
    title: { 'zh-CN': '购物满意度回访', en: 'Purchase satisfaction' },
    questions: [
      { id: 'csat', kind: 'csat', required: true },
      { id: 'as_described', kind: 'yes_no', required: false, label: { 'zh-CN': '商品与描述是否一致？', en: 'Was the product as described?' } },
      { id: 'ces', kind: 'ces', required: false },
      { id: 'nps', kind: 'nps', required: false },
      comment,
    ],
  },
  {
    id: 'csat-complaint',
    title: { 'zh-CN': '投诉处理回访', en: 'Complaint follow-up' },
    questions: [
      { id: 'resolved', kind: 'yes_no', required: true, label: { 'zh-CN': '问题是否已经彻底解决？', en: 'Is the problem fully solved?' } },
      { id: 'csat', kind: 'csat', required: true, label: { 'zh-CN': '对本次投诉处理的满意度（1–5）', en: 'Satisfaction with how we handled it (1–5)' } },
      { id: 'ces', kind: 'ces', required: false },
      {
        id: 'contact',
        kind: 'choice',
        required: false,
        label: { 'zh-CN': '以后希望我们怎样联系您？', en: 'How should we reach you next time?' },
        options: [
          { value: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
          { value: 'sms', label: { 'zh-CN': '短信', en: 'Text message' } },
          { value: 'wechat', label: { 'zh-CN': '微信', en: 'WeChat' } },
          { value: 'email', label: { 'zh-CN': '邮件', en: 'Email' } },
        ],
      },
      { id: 'nps', kind: 'nps', required: false },
      comment,
    ],
  },
];

export interface ScriptDef {
  title: Record<string, string>;
  /** Per language, with {{placeholders}} (shared/followup/script.ts PLACEHOLDERS). */
  text: Record<string, string>;
}

/** One script per scriptId the built-in rules name, in zh-CN and en. */
export const DEFAULT_SCRIPTS: Readonly<Record<string, ScriptDef>> = {
  'satisfaction-v1': {
    title: { 'zh-CN': '满意度回访', en: 'Satisfaction survey' },
    text: {
      'zh-CN':
        '您好，请问是{{customer.name|机主}}吗？我是回访中心的{{agent.name|客服}}。您的订单{{order.id}}（{{order.firstItem}}）已经签收，想占用您一两分钟，了解一下这次购物和配送的体验，可以吗？',
      en: 'Hello, is this {{customer.name}}? This is {{agent.name|customer care}} from the follow-up team. Your order {{order.id}} ({{order.firstItem}}) was delivered on {{order.date}}. Do you have a minute to tell us how the purchase and the delivery went?',
    },
  },
  'complaint-care-v1': {
    title: { 'zh-CN': '投诉关怀回访', en: 'Complaint care call' },
    text: {
      'zh-CN':
        '您好{{customer.name|}}，我是{{agent.name|客服}}。您之前反映的“{{ticket.subject}}”（工单 {{ticket.id}}）已处理完毕，今天给您回个电话，想确认一下问题是否彻底解决了，您对我们的处理还满意吗？',
      en: 'Hello {{customer.name}}, this is {{agent.name|customer care}}. You told us about "{{ticket.subject}}" (ticket {{ticket.id}}); it has been dealt with, and I am calling to make sure the problem is really solved and to hear whether you are happy with how we handled it.',
    },
  },
  'onboarding-v1': {
    title: { 'zh-CN': '新客户回访', en: 'Onboarding check' },
    text: {
      'zh-CN': '您好{{customer.name|}}，欢迎您成为我们的客户！我是{{agent.name|客服}}。想了解一下这一周的使用情况，有没有需要我们帮忙的地方？',
      en: 'Hello {{customer.name}}, and welcome! This is {{agent.name|customer care}}. How has your first week with us been, and is there anything we can help you with?',
    },
  },
  'renewal-v1': {
    title: { 'zh-CN': '续约提醒', en: 'Renewal call' },
    text: {
      'zh-CN': '您好{{customer.name|}}，我是{{agent.name|客服}}。{{customer.company|您}}的服务合约即将到期，想提前跟您沟通一下续约安排，也给您介绍一下老客户续约的优惠。',
      en: 'Hello {{customer.name}}, this is {{agent.name|customer care}}. Your service contract with us ends soon; I would like to talk about renewing it and the terms we can offer you as an existing customer.',
    },
  },
  'reactivation-v1': {
    title: { 'zh-CN': '老客户唤醒', en: 'Reactivation call' },
    text: {
      'zh-CN': '您好{{customer.name|}}，好久不见！我是{{agent.name|客服}}。最近我们上了不少新品，也为老客户准备了专属优惠，想问问您最近有没有什么需要？',
      en: 'Hello {{customer.name}}, it has been a while! This is {{agent.name|customer care}}. We have new products and an offer for returning customers — is there anything you are looking for at the moment?',
    },
  },
};

/** The script a task without a scriptId gets (tasks made before rules named scripts). */
export const SCRIPT_BY_TYPE: Readonly<Record<string, string>> = {
  satisfaction_survey: 'satisfaction-v1',
  complaint_care: 'complaint-care-v1',
  onboarding_check: 'onboarding-v1',
  renewal_call: 'renewal-v1',
  reactivation: 'reactivation-v1',
};

/** How many tasks an online console holds beyond the one on screen, to keep working offline. */
export const DEFAULT_HOLD_AHEAD = 2;
