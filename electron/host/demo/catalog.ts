/**
 * What the demo company sells and what its customers call about: products, ticket subjects, notes,
 * survey comments and agents, in Chinese and English (chosen by the customer's language).
 */

export type Lang = 'zh-CN' | 'en';
export type Text = Readonly<Record<Lang, string>>;

export interface Product {
  sku: string;
  name: Text;
  /** Price in CNY fen; other currencies are derived (see events.ts). */
  priceFen: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'KT-1501', name: { 'zh-CN': '电热水壶', en: 'Electric kettle' }, priceFen: 12900 },
  { sku: 'AP-2203', name: { 'zh-CN': '空气净化器', en: 'Air purifier' }, priceFen: 129900 },
  { sku: 'RC-0801', name: { 'zh-CN': '智能电饭煲', en: 'Smart rice cooker' }, priceFen: 39900 },
  { sku: 'VC-3300', name: { 'zh-CN': '无线吸尘器', en: 'Cordless vacuum' }, priceFen: 169900 },
  { sku: 'FN-1102', name: { 'zh-CN': '落地扇', en: 'Pedestal fan' }, priceFen: 19900 },
  { sku: 'WP-0500', name: { 'zh-CN': '净水器滤芯', en: 'Water filter cartridge' }, priceFen: 8900 },
  { sku: 'HD-2100', name: { 'zh-CN': '吹风机', en: 'Hair dryer' }, priceFen: 29900 },
  { sku: 'BL-0700', name: { 'zh-CN': '破壁料理机', en: 'High-speed blender' }, priceFen: 59900 },
  { sku: 'MW-2000', name: { 'zh-CN': '微波炉', en: 'Microwave oven' }, priceFen: 49900 },
  { sku: 'TB-0100', name: { 'zh-CN': '保温杯', en: 'Insulated bottle' }, priceFen: 7900 },
  { sku: 'EB-0300', name: { 'zh-CN': '蓝牙耳机', en: 'Bluetooth earbuds' }, priceFen: 24900 },
  { sku: 'SM-9000', name: { 'zh-CN': '扫地机器人', en: 'Robot vacuum' }, priceFen: 259900 },
  { sku: 'WR-0050', name: { 'zh-CN': '延保服务（1年）', en: 'Extended warranty (1 year)' }, priceFen: 9900 },
  { sku: 'FL-0020', name: { 'zh-CN': '替换滤网', en: 'Replacement filter' }, priceFen: 4900 },
];

export type TicketCategory = 'complaint' | 'inquiry' | 'repair' | 'return' | 'billing';

export const TICKET_SUBJECTS: Readonly<Record<TicketCategory, readonly Text[]>> = {
  complaint: [
    { 'zh-CN': '快递延误，超过承诺时效未送达', en: 'Delivery late beyond the promised date' },
    { 'zh-CN': '商品外包装破损', en: 'Parcel arrived damaged' },
    { 'zh-CN': '客服承诺回电但未回电', en: 'Promised callback never came' },
    { 'zh-CN': '安装师傅迟到两小时', en: 'Installer arrived two hours late' },
    { 'zh-CN': '收到的商品与描述不符', en: 'Item not as described' },
  ],
  inquiry: [
    { 'zh-CN': '咨询产品使用方法', en: 'How to use the product' },
    { 'zh-CN': '询问发票开具', en: 'Invoice request' },
    { 'zh-CN': '咨询会员积分规则', en: 'Question about loyalty points' },
    { 'zh-CN': '询问保修政策', en: 'Warranty policy question' },
    { 'zh-CN': '查询订单物流', en: 'Where is my order?' },
  ],
  repair: [
    { 'zh-CN': '设备无法开机', en: 'Device will not power on' },
    { 'zh-CN': '净化器运行有异响', en: 'Purifier makes a rattling noise' },
    { 'zh-CN': '电饭煲显示 E3 故障', en: 'Rice cooker shows error E3' },
    { 'zh-CN': '耳机单边无声', en: 'One earbud is silent' },
  ],
  return: [
    { 'zh-CN': '七天无理由退货', en: '7-day no-reason return' },
    { 'zh-CN': '颜色不合适申请换货', en: 'Exchange for another colour' },
    { 'zh-CN': '重复下单申请退款', en: 'Refund for a duplicate order' },
  ],
  billing: [
    { 'zh-CN': '重复扣款', en: 'Charged twice' },
    { 'zh-CN': '优惠券未抵扣', en: 'Coupon not applied' },
    { 'zh-CN': '发票抬头错误', en: 'Wrong name on the invoice' },
    { 'zh-CN': '分期付款疑问', en: 'Question about instalments' },
  ],
};

export const NOTES: readonly Text[] = [
  { 'zh-CN': '客户希望工作日下午联系', en: 'Prefers calls on weekday afternoons' },
  { 'zh-CN': '客户对上次上门服务表示满意', en: 'Happy with the last service visit' },
  { 'zh-CN': '已告知客户退款将在 3–5 个工作日到账', en: 'Told the customer the refund lands in 3–5 business days' },
  { 'zh-CN': '客户要求寄送纸质发票', en: 'Asked for a paper invoice by mail' },
  { 'zh-CN': '客户下月搬家，发货前请确认地址', en: 'Moving next month: confirm the address before shipping' },
  { 'zh-CN': '客户为老年人，请放慢语速', en: 'Elderly customer, please speak slowly' },
  { 'zh-CN': '客户询问以旧换新活动，已发送链接', en: 'Interested in the trade-in offer, link sent' },
  { 'zh-CN': '客户反映快递员态度差，已记录并反馈物流', en: 'Complained about the courier, passed on to logistics' },
  { 'zh-CN': '客户不方便接听，约定明天上午回电', en: 'Busy now, call back tomorrow morning' },
];

export const FEEDBACK_COMMENTS: readonly Text[] = [
  { 'zh-CN': '服务很好，解决得很快', en: 'Great service, solved quickly' },
  { 'zh-CN': '等待时间太长了', en: 'Waited far too long' },
  { 'zh-CN': '师傅很专业', en: 'The technician was very professional' },
  { 'zh-CN': '希望能有更多配送时间可选', en: 'Would like more delivery slots' },
  { 'zh-CN': '产品不错，物流太慢', en: 'Good product, slow delivery' },
  { 'zh-CN': '问题还没有解决', en: 'The problem is still not fixed' },
];

export const AGENTS = ['1001 李娜', '1002 王磊', '1003 张敏', '1004 刘洋', '1005 陈杰', '1006 Sarah Lee', '1007 赵静', '1008 周涛'] as const;

export const CALL_DISPOSITIONS = ['resolved', 'info_provided', 'callback_requested', 'escalated', 'sale', 'transferred'] as const;
export const UNANSWERED_DISPOSITIONS = ['no_answer', 'voicemail', 'abandoned'] as const;
export const FOLLOWUP_OUTCOMES = ['completed', 'completed', 'completed', 'no_answer', 'callback_scheduled', 'refused', 'voicemail'] as const;

/** Contact-center hotline customers call in on. */
export const HOTLINE = '+864008201234';

export const TASK_TYPES = ['satisfaction_survey', 'complaint_care', 'reactivation', 'onboarding_check', 'renewal_call'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_REASONS: Readonly<Record<TaskType, Text>> = {
  satisfaction_survey: { 'zh-CN': '订单已签收，回访满意度', en: 'Order delivered: satisfaction survey' },
  complaint_care: { 'zh-CN': '投诉工单已处理，回访确认是否满意', en: 'Complaint handled: check the customer is satisfied' },
  reactivation: { 'zh-CN': '超过 180 天未下单', en: 'No order for over 180 days' },
  onboarding_check: { 'zh-CN': '新客户首单后 7 天回访', en: 'New customer, 7 days after the first order' },
  renewal_call: { 'zh-CN': '延保服务 30 天内到期', en: 'Extended warranty expires within 30 days' },
};

export const TAGS = ['high_value', 'churn_risk', 'complained', 'member', 'b2b', 'wechat', 'prefers_sms', 'elderly'] as const;
