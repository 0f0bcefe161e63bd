import type { Customer, FollowUpTask, HistoryEvent } from '../../../shared/domain';
import { PRODUCTS } from './catalog';
import type { DemoRecord } from './record';
import { callEvent, feedbackEvent, followupEvent, noteEvent, orderEvent, ticketEvent, type EventContext } from './events';
import { KNOWN } from './known';
import { demoTask } from './tasks';
import { timeline } from './timeline';
import { Random } from './prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** PRNG streams for the known records, clear of the generated ones (see STREAM in customers.ts). */
const KNOWN_STREAM = 100;

function person(id: string, name: string, fields: Partial<Customer>, createdAtMs: number, anchorMs: number): Customer {
  return {
    id,
    name,
    segment: 'standard',
    tags: [],
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    email: null,
    company: null,
    city: '北京',
    language: 'zh-CN',
    doNotCall: false,
    createdAt: new Date(createdAtMs).toISOString(),
    updatedAt: new Date(anchorMs - 2 * DAY).toISOString(),
    ...fields,
  };
}

const item = (sku: string, qty = 1) => {
  const product = PRODUCTS.find((p) => p.sku === sku);
  return { sku, name: product?.name['zh-CN'] ?? sku, qty };
};

/** 张伟: older generated history plus a scripted recent story (see KNOWN.zhangWei). */
function zhangWei(seed: number, anchorMs: number): DemoRecord {
  const k = KNOWN.zhangWei;
  const rng = Random.for(seed, KNOWN_STREAM + 1, 0);
  const createdAt = anchorMs - 4 * 365 * DAY;
  const ctx: EventContext = { customerId: k.id, lang: 'zh-CN', phone: k.mobile, currency: 'CNY', anchorMs };
  const older = timeline(rng, ctx, { count: 30, fromMs: createdAt, toMs: anchorMs - 60 * DAY, idPrefix: 'ev-zhangwei', tieRate: 0.05 });
  const s = (n: number, daysAgo: number, hours = 0) => ({ id: `ev-zhangwei-s${String(n).padStart(2, '0')}`, atMs: anchorMs - daysAgo * DAY + hours * HOUR });
  const complaintAt = s(0, 5, 10).atMs;
  const story: HistoryEvent[] = [
    orderEvent(rng, ctx, s(1, 3 * 365), { items: [item('AP-2203'), item('FL-0020', 2)], status: 'delivered' }),
    feedbackEvent(rng, ctx, s(2, 3 * 365 - 4), { csat: 5, nps: null, ces: null, comment: '师傅很专业' }),
    callEvent(rng, ctx, s(3, 2 * 365), { direction: 'inbound', disposition: 'info_provided' }),
    orderEvent(rng, ctx, s(4, 365), { items: [item('SM-9000'), item('WR-0050')], status: 'delivered' }),
    ticketEvent(rng, ctx, s(5, 200), { category: 'repair', subject: '设备无法开机', status: 'resolved', priority: 'normal' }),
    followupEvent(rng, ctx, s(6, 190), { type: 'complaint_care', outcome: 'completed', notes: '维修后使用正常' }),
    noteEvent(rng, ctx, s(7, 100), { text: '客户希望工作日下午联系', author: '1003 张敏' }),
    orderEvent(rng, ctx, s(8, 12), { items: [item('KT-1501'), item('TB-0100', 2)], status: 'shipped' }),
    // Three events at one instant: the call, the ticket opened during it, the agent's note.
    callEvent(rng, ctx, { id: s(9, 0).id, atMs: complaintAt }, { direction: 'inbound', disposition: 'escalated', notes: '快递超时三天未送达，客户情绪激动' }),
    ticketEvent(rng, ctx, { id: k.openTicketEventId, atMs: complaintAt }, {
      category: 'complaint', subject: '快递延误，超过承诺时效未送达', status: 'open', priority: 'high', resolvedAt: null,
    }),
    noteEvent(rng, ctx, { id: s(11, 0).id, atMs: complaintAt }, { text: '已联系物流加急派送，承诺 48 小时内回电', author: '1001 李娜' }),
    callEvent(rng, ctx, s(12, 2, 15), { direction: 'outbound', disposition: 'no_answer' }),
    feedbackEvent(rng, ctx, s(13, 1, 9), { channel: 'sms', csat: null, nps: 3, ces: null, comment: '问题还没有解决' }),
  ];
  const events = [...older, ...story];
  const task = {
    ...demoTask(rng, k.complaintTaskId, { id: k.id, segment: 'vip', lang: 'zh-CN' }, events, anchorMs),
    type: 'complaint_care',
    status: 'queued' as const,
    priority: 1,
    dueAt: new Date(anchorMs + HOUR).toISOString(),
    slaAt: new Date(anchorMs + DAY).toISOString(),
    reasonEventId: k.openTicketEventId,
    attempts: 1,
    assignedTo: null,
    ruleId: 'complaint-care',
    team: 'care',
    scriptId: 'complaint-care-v1',
    surveyId: 'csat-complaint',
  };
  return {
    customer: person(k.id, k.name, { segment: 'vip', tags: ['high_value', 'member', 'complained'], email: 'zhangwei@example.cn' }, createdAt, anchorMs),
    phones: [
      { e164: k.mobile, label: 'mobile', isPrimary: true },
      { e164: k.office, label: 'work', isPrimary: false },
    ],
    events,
    tasks: [task],
  };
}

/** 李秀英: a B2B buyer with exactly KNOWN.longHistory.events events over eight years. */
function longHistory(seed: number, anchorMs: number): DemoRecord {
  const k = KNOWN.longHistory;
  const rng = Random.for(seed, KNOWN_STREAM + 2, 0);
  const createdAt = anchorMs - 8 * 365 * DAY;
  const ctx: EventContext = { customerId: k.id, lang: 'zh-CN', phone: k.mobile, currency: 'CNY', anchorMs };
  return {
    customer: person(k.id, k.name, { city: '上海', company: '上海瑞丰贸易有限公司', tags: ['b2b', 'member'], segment: 'vip' }, createdAt, anchorMs),
    phones: [{ e164: k.mobile, label: 'mobile', isPrimary: true }],
    events: timeline(rng, ctx, { count: k.events, fromMs: createdAt, toMs: anchorMs - HOUR, idPrefix: 'ev-lixiuying', tieRate: 0.02 }),
    tasks: [
      knownTask(KNOWN.followUps.renewal.taskId, k.id, anchorMs, {
        type: 'renewal_call', priority: 2, dueAt: anchorMs - 2 * DAY, slaAt: anchorMs + 19 * DAY, reason: '服务合约 30 天内到期，续约回访',
        ruleId: 'renewal', team: 'sales', scriptId: 'renewal-v1', surveyId: null,
      }),
    ],
  };
}

/** 王芳 and 陈静, one home line between them. */
function sharedLine(seed: number, anchorMs: number): DemoRecord[] {
  const line = KNOWN.sharedLine;
  return line.customers.map(({ id, name }, n) => {
    const rng = Random.for(seed, KNOWN_STREAM + 3 + n, 0);
    const createdAt = anchorMs - (2 + n) * 365 * DAY;
    const ctx: EventContext = { customerId: id, lang: 'zh-CN', phone: line.e164, currency: 'CNY', anchorMs };
    const f = KNOWN.followUps;
    // 王芳 (n = 0) asked not to be called; 陈静 (n = 1) asked to be called back by agent 1001.
    const task =
      n === 0
        ? knownTask(f.doNotCall.taskId, id, anchorMs, {
            type: 'reactivation', priority: 5, dueAt: anchorMs - 3 * DAY, slaAt: anchorMs + 11 * DAY, reason: '超过 90 天未下单',
            ruleId: 'reactivation', team: 'sales', scriptId: 'reactivation-v1', surveyId: null,
          })
        : knownTask(f.callback.taskId, id, anchorMs, {
            type: 'satisfaction_survey', priority: 4, dueAt: anchorMs + DAY + 2 * HOUR, slaAt: anchorMs + DAY + 2 * HOUR + 30 * 60_000,
            reason: '客户约定次日上午回电', attempts: 1, assignedTo: f.callback.agent,
            ruleId: 'survey-delivered', team: 'survey', scriptId: 'satisfaction-v1', surveyId: 'csat-delivery',
          });
    return {
      customer: person(id, name, { city: '杭州', ...(n === 0 ? { doNotCall: true } : {}) }, createdAt, anchorMs),
      phones: [{ e164: line.e164, label: n === 0 ? 'mobile' : 'home', isPrimary: true }],
      events: timeline(rng, ctx, { count: 6 + n * 3, fromMs: createdAt, toMs: anchorMs - DAY, idPrefix: `ev-${id.slice(5)}`, tieRate: 0 }),
      tasks: [task],
    };
  });
}

function english(seed: number, anchorMs: number): DemoRecord {
  const k = KNOWN.english;
  const rng = Random.for(seed, KNOWN_STREAM + 5, 0);
  const createdAt = anchorMs - 500 * DAY;
  const ctx: EventContext = { customerId: k.id, lang: 'en', phone: k.mobile, currency: 'USD', anchorMs };
  const survey = KNOWN.followUps.survey;
  const deliveredAt = anchorMs - 3 * DAY;
  const delivered = orderEvent(rng, ctx, { id: survey.orderEventId, atMs: deliveredAt }, {
    orderId: survey.orderId, amountMinor: 12_999, currency: 'USD', status: 'delivered', items: [{ sku: 'KT-1501', name: 'Electric kettle', qty: 1 }],
  });
  return {
    customer: person(k.id, k.name, {
      region: 'US', timeZone: 'America/Los_Angeles', city: 'San Francisco', language: 'en', email: 'emily.johnson@example.com', tags: ['member'],
    }, createdAt, anchorMs),
    phones: [{ e164: k.mobile, label: 'mobile', isPrimary: true }],
    events: [...timeline(rng, ctx, { count: 12, fromMs: createdAt, toMs: anchorMs - 4 * DAY, idPrefix: 'ev-emily', tieRate: 0 }), delivered],
    tasks: [
      knownTask(survey.taskId, k.id, anchorMs, {
        type: 'satisfaction_survey', priority: 4, dueAt: deliveredAt + 2 * DAY, slaAt: deliveredAt + 7 * DAY, reason: 'Order delivered: satisfaction survey',
        reasonEventId: survey.orderEventId, ruleId: 'survey-delivered', team: 'survey', scriptId: 'satisfaction-v1', surveyId: 'csat-delivery',
      }),
    ],
  };
}

/** A queued task as a rule writes it; times in epoch ms. */
function knownTask(
  id: string,
  customerId: string,
  anchorMs: number,
  fields: Omit<Partial<FollowUpTask>, 'dueAt' | 'slaAt'> & { type: string; dueAt: number; slaAt: number; reason: string },
): FollowUpTask {
  const { dueAt, slaAt, ...rest } = fields;
  return {
    id,
    customerId,
    status: 'queued',
    priority: 3,
    reasonEventId: null,
    attempts: 0,
    assignedTo: null,
    createdAt: new Date(Math.min(dueAt, anchorMs) - DAY).toISOString(),
    ...rest,
    dueAt: new Date(dueAt).toISOString(),
    slaAt: new Date(slaAt).toISOString(),
  };
}

export function knownRecords(seed: number, anchorMs: number): DemoRecord[] {
  return [zhangWei(seed, anchorMs), longHistory(seed, anchorMs), ...sharedLine(seed, anchorMs), english(seed, anchorMs)];
}
