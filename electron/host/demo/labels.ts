import type { Lang } from './catalog';

/** Words used in generated one-line summaries, per language. */
const ZH: Readonly<Record<string, string>> = {
  inbound: '来电', outbound: '去电',
  resolved: '已解决', info_provided: '已答复', callback_requested: '需回电', escalated: '已升级', sale: '已成交',
  transferred: '已转接', no_answer: '未接通', voicemail: '语音信箱', abandoned: '放弃',
  complaint: '投诉', inquiry: '咨询', repair: '报修', return: '退换货', billing: '账务',
  open: '待处理', pending: '处理中', closed: '已关闭',
  placed: '已下单', paid: '已付款', shipped: '已发货', delivered: '已签收', returned: '已退货', cancelled: '已取消',
  completed: '已完成', callback_scheduled: '约定回电', refused: '拒绝',
  satisfaction_survey: '满意度调查', complaint_care: '投诉关怀', reactivation: '唤醒', onboarding_check: '新客回访', renewal_call: '续保提醒',
};

const EN: Readonly<Record<string, string>> = {
  inbound: 'Inbound call', outbound: 'Outbound call', info_provided: 'info provided', callback_requested: 'callback requested',
  no_answer: 'no answer', callback_scheduled: 'callback scheduled', satisfaction_survey: 'satisfaction survey',
  complaint_care: 'complaint care', onboarding_check: 'onboarding check', renewal_call: 'renewal call',
  complaint: 'Complaint', inquiry: 'Inquiry', repair: 'Repair', return: 'Return', billing: 'Billing',
};

export function label(lang: Lang, key: string): string {
  return (lang === 'zh-CN' ? ZH[key] : EN[key]) ?? key.replace(/_/g, ' ');
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', GBP: '£', HKD: 'HK$', SGD: 'S$' };

/** "¥1,299.00". By hand: toLocaleString costs ~40 µs a call, which is most of a 1M-customer seed. */
export function money(amountMinor: number, currency: string): string {
  const whole = String(Math.floor(amountMinor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(amountMinor % 100).padStart(2, '0');
  return `${SYMBOLS[currency] ?? `${currency} `}${whole}.${cents}`;
}

export function duration(lang: Lang, seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return lang === 'zh-CN' ? `${m}分${s}秒` : `${m}m ${s}s`;
}
