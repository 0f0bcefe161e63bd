/**
 * Well-known demo records that end-to-end tests, the bench and demos rely on. They exist in every
 * demo database whatever the scale or seed (they count towards --customers), and generated
 * numbers never collide with their numbers.
 */
export const KNOWN = {
  /**
   * 张伟, VIP in Beijing: the screen-pop showcase. Reachable at his mobile (primary) and his office
   * landline. ~40 events of every kind; the newest story is a late delivery: an order, an inbound
   * complaint call, an open high-priority complaint ticket and a note all at one instant (ties for
   * the paging order), an unanswered callback and a poor NPS. A queued complaint_care task points
   * at the ticket.
   */
  zhangWei: {
    id: 'cust-zhangwei',
    name: '张伟',
    mobile: '+8613800138000',
    office: '+861065529988',
    openTicketEventId: 'ev-zhangwei-s10',
    complaintTaskId: 'task-zhangwei-complaint',
  },
  /** 李秀英, a B2B account in Shanghai with exactly 10,000 history events (virtualized scrolling). */
  longHistory: {
    id: 'cust-lixiuying',
    name: '李秀英',
    mobile: '+8613900139000',
    events: 10_000,
  },
  /** A home line shared by a couple: calls from it must offer a choice between two customers. */
  sharedLine: {
    e164: '+8613700137000',
    customers: [
      { id: 'cust-wangfang', name: '王芳' },
      { id: 'cust-chenjing', name: '陈静' },
    ],
  },
  /** Emily Johnson in San Francisco, English-speaking, with a US number. */
  english: {
    id: 'cust-emily',
    name: 'Emily Johnson',
    mobile: '+14155550123',
  },
  /** A valid Chinese mobile number that belongs to nobody: the "unknown caller" screen-pop. */
  unknownNumber: '+8613600136000',
  /**
   * Follow-up tasks with a story, as the built-in rules make them (rule, team, script, survey,
   * reason event). With 张伟's complaint care call above:
   * - Emily's satisfaction survey after a delivered order (an English script in Los Angeles time);
   * - 李秀英's renewal call (P2, no reason event: a time-based rule);
   * - 陈静's callback, assigned to agent 1001 (the demo softphone), due the morning after the anchor;
   * - 王芳 asked not to be called: her reactivation task is never offered, although 陈静 on the
   *   same line still is.
   */
  followUps: {
    survey: { taskId: 'task-emily-survey', orderEventId: 'ev-emily-delivered', orderId: 'US-7781' },
    renewal: { taskId: 'task-lixiuying-renewal' },
    callback: { taskId: 'task-chenjing-callback', agent: '1001' },
    doNotCall: { taskId: 'task-wangfang-reactivation', customerId: 'cust-wangfang' },
  },
} as const;

/** Every number above: the generator keeps clear of them. */
export const KNOWN_NUMBERS: readonly string[] = [
  KNOWN.zhangWei.mobile,
  KNOWN.zhangWei.office,
  KNOWN.longHistory.mobile,
  KNOWN.sharedLine.e164,
  KNOWN.english.mobile,
  KNOWN.unknownNumber,
];

export const KNOWN_CUSTOMER_COUNT = 5;
