/**
 * Follow-up work on the rig: a console store seeded with five follow-ups to customers whose
 * numbers are rig phones (Kamailio's route[PSTN]: +86 170 0000 20NN rings phone 20NN), a
 * follow-up settings file that allows calls at any hour (the suite runs at any time of day), the
 * agent's moves in the console, and a read of the store afterwards (tasks, history, outbox).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { createStores, openDatabase } from '../../../electron/host/db';
import { hashPassword } from '../../../server/auth/passwords';
import { loadFollowUpConfig } from '../../../server/followup/config';
import { followUpOnEvents } from '../../../server/followup/events';
import { openStore } from '../../../server/store/open';
import type { Customer, FollowUpTask, HistoryEvent } from '../../../shared/domain';
import { customerNumber } from '../../rigs/kamailio/users';
import { REPO_ROOT } from '../support/paths';
import { expect, type AgentConsole } from './console-fixtures';

export const ZONE = 'Asia/Shanghai';

export interface SeededFollowUp {
  phone: string;
  number: string;
  customer: Customer;
  task: FollowUpTask;
  order: HistoryEvent;
}

const NAMES = ['赵敏', '钱进', '孙丽', '周强', '吴芳', '郑凯', '王琳', '冯涛'];

/** Five (or `phones.length`) survey follow-ups, due now, priorities 1…n so "next" takes them in order. */
export function followUpsFor(phones: string[], tag: string): SeededFollowUp[] {
  const now = Date.now();
  return phones.map((phone, i) => {
    const id = `cust-fu-${tag}-${i + 1}`;
    const iso = (ms: number) => new Date(ms).toISOString();
    const customer: Customer = {
      id,
      name: NAMES[i % NAMES.length] ?? `客户${i}`,
      segment: 'standard',
      tags: [],
      region: 'CN',
      timeZone: ZONE,
      email: null,
      company: null,
      city: '杭州',
      language: 'zh-CN',
      createdAt: iso(now - 400 * 86_400_000),
      updatedAt: iso(now - 86_400_000),
    };
    const order: HistoryEvent = {
      id: `ev-fu-${tag}-order-${i + 1}`,
      customerId: id,
      kind: 'order',
      occurredAt: iso(now - 2 * 86_400_000 - i * 60_000),
      summary: `订单 O-${tag}-${i + 1} 已签收`,
      payload: { orderId: `O-${tag}-${i + 1}`, amountMinor: 25_900 + i * 100, currency: 'CNY', items: [{ sku: 'AP-1', name: '空气净化器', qty: 1 }], status: 'delivered' },
    };
    const task: FollowUpTask = {
      id: `task-fu-${tag}-${i + 1}`,
      customerId: id,
      type: 'satisfaction_survey',
      status: 'queued',
      priority: Math.min(5, i + 1),
      dueAt: iso(now - 3_600_000),
      slaAt: iso(now + 3 * 86_400_000),
      reasonEventId: order.id,
      reason: `配送满意度回访（订单 O-${tag}-${i + 1}）`,
      attempts: 0,
      assignedTo: null,
      createdAt: iso(now - 86_400_000),
      ruleId: 'survey-delivered',
      team: 'survey',
      scriptId: 'satisfaction-v1',
      surveyId: 'csat-delivery',
    };
    return { phone, number: customerNumber(phone), customer, task, order };
  });
}

/** Writes the records into a fresh console store through the host's own db layer (before the host starts). */
export function seedStore(dbFile: string, seeded: SeededFollowUp[]): void {
  const db = openDatabase(dbFile);
  try {
    const stores = createStores(db, { defaultRegion: 'CN' });
    stores.transaction(() => {
      for (const s of seeded) {
        stores.customers.insert(s.customer, [{ e164: s.number, label: 'mobile', isPrimary: true }]);
        stores.history.append(s.order);
        stores.tasks.insert(s.task);
      }
    });
  } finally {
    db.close();
  }
}

/**
 * A sync server's store (SQLite) with this agent's account, the customers, and their delivered
 * orders: the server's own follow-up rules (survey-delivered, P2D) turn each order into a survey
 * task due now, as in production. The orders are a minute apart, so the tasks come due in order.
 */
export async function seedServer(file: string, seeded: SeededFollowUp[], account: { username: string; password: string }): Promise<void> {
  const store = await openStore({ sqlite: file }, { onEvent: followUpOnEvents(loadFollowUpConfig(null)) });
  try {
    const team = (await store.createTeam('回访组')).id;
    await store.createUser({ username: account.username, passwordHash: await hashPassword(account.password), role: 'agent', teamId: team });
    const now = Date.now();
    for (const [i, s] of seeded.entries()) {
      const { id: _id, createdAt: _c, updatedAt: _u, doNotCall: _d, ...fields } = s.customer;
      await store.importCustomer(team, { externalId: s.customer.id, fields, phones: [{ e164: s.number, label: 'mobile', isPrimary: true }] });
      const { id: _e, customerId: _cid, ...event } = s.order;
      await store.importEvent(team, { externalId: s.order.id, customerExternalId: s.customer.id, event: { ...event, occurredAt: new Date(now - 2 * 86_400_000 - 3_600_000 + i * 60_000).toISOString() } });
    }
  } finally {
    await store.close();
  }
}

/** The records as the console pulled them from the server (server ids), matched by phone number. */
export function pulledFollowUps(dbFile: string, seeded: SeededFollowUp[]): SeededFollowUp[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[string], { customer_id: string; task_id: string | null }>(
      `SELECT p.customer_id, t.id AS task_id FROM customer_phones p LEFT JOIN followup_tasks t ON t.customer_id = p.customer_id WHERE p.e164 = ?`,
    );
    return seeded.map((s) => {
      const found = row.get(s.number);
      if (!found?.task_id) throw new Error(`no pulled task for ${s.customer.name} (${s.number})`);
      return { ...s, customer: { ...s.customer, id: found.customer_id }, task: { ...s.task, id: found.task_id, customerId: found.customer_id } };
    });
  } finally {
    db.close();
  }
}

/** Tasks of these numbers the console holds (leased to its agent). */
export function heldCount(dbFile: string, numbers: string[]): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const marks = numbers.map(() => '?').join(',');
    return (
      db
        .prepare(`SELECT count(*) AS n FROM followup_tasks t JOIN customer_phones p ON p.customer_id = t.customer_id WHERE p.e164 IN (${marks}) AND t.status = 'leased' AND t.assigned_to IS NOT NULL`)
        .get(...numbers) as { n: number }
    ).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** A follow-up settings file: every hour of every day is a calling window, so the suite runs at any time. */
export function anyHourConfig(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(REPO_ROOT, '.tmp', 'fu-config-'));
  const file = path.join(dir, 'followup.json');
  const allDay = ['00:00-24:00'];
  writeFileSync(file, JSON.stringify({ callingWindows: { weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } }, progressiveDelaySec: 0, ...extra }));
  return file;
}

/** Tomorrow 10:00 on the customer's clock, as the datetime-local text and as the instant. */
export function tomorrowTen(): { local: string; instant: string } {
  const dt = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { local: dt.toFormat("yyyy-MM-dd'T'HH:mm"), instant: dt.toUTC().toISO() ?? '' };
}

/** The agent's moves, by keyboard where the console has a key for it. */
export class FollowUpAgent {
  constructor(readonly agent: AgentConsole) {}

  get page() {
    return this.agent.page;
  }

  /** Keys only act outside text fields: leave whatever field has focus. */
  async key(key: string): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
    await this.page.keyboard.press(key);
  }

  /** N: the next task's preview; returns it after checking it is `taskId` and may be called. */
  async next(taskId: string): Promise<void> {
    await this.key('n');
    const preview = this.agent.id('task-preview');
    await expect(preview).toHaveAttribute('data-task-id', taskId, { timeout: 15_000 });
    await expect(this.agent.id('preview-dial')).toHaveAttribute('data-ok', 'true');
    await expect(this.agent.id('preview-reason-event')).toBeVisible();
    await expect(this.agent.id('preview-script')).toBeVisible();
    await expect(this.agent.id('customer-360')).toBeVisible();
  }

  /** C: the call goes out; the console shows the outbound line. */
  async call(): Promise<void> {
    await this.key('c');
    await expect(this.agent.page.locator('[data-testid="line"][data-direction="outbound"]')).toHaveCount(1, { timeout: 10_000 });
  }

  wrapUp(taskId: string) {
    return this.page.locator(`[data-testid="wrap-up"][data-task-id="${taskId}"]`);
  }

  /** Fills the wrap-up of `taskId` and saves it with Ctrl+Enter; resolves once the host said saved. */
  async wrapUpAndSave(
    taskId: string,
    form: { disposition?: string; expectDisposition?: string; answers?: Record<string, string | number>; notes: string; tags?: string; nextAction?: string; callbackAt?: string },
    decision: 'closed' | 'retry' | 'callback',
  ): Promise<void> {
    const card = this.wrapUp(taskId);
    await expect(card).toBeVisible({ timeout: 45_000 });
    const select = card.getByTestId('wrap-up-disposition');
    if (form.expectDisposition) await expect(select).toHaveValue(form.expectDisposition);
    if (form.disposition) await select.selectOption(form.disposition);
    for (const [question, value] of Object.entries(form.answers ?? {})) {
      if (question === 'comment') await card.getByTestId('survey-comment-text').fill(String(value));
      else await card.getByTestId(`survey-${question}-${value}`).click();
    }
    if (form.callbackAt) await card.getByTestId('wrap-up-callback-at').fill(form.callbackAt);
    await card.getByTestId('wrap-up-notes').fill(form.notes);
    if (form.tags) await card.getByTestId('wrap-up-tags').fill(form.tags);
    if (form.nextAction) await card.getByTestId('wrap-up-next-action').fill(form.nextAction);
    await card.getByTestId('wrap-up-notes').press('Control+Enter');
    await expect(this.agent.id('work-done-decision')).toHaveAttribute('data-decision', decision, { timeout: 15_000 });
  }
}

export interface StoreRead {
  tasks: Map<string, { status: string; attempts: number; assignedTo: string | null; dueAt: number }>;
  events: Array<{ id: string; customerId: string; kind: string; payload: Record<string, unknown> }>;
  outbox: Array<{ opId: string; kind: string; sentAt: number | null; payload: Record<string, unknown> }>;
}

/** What the console's store holds for these customers (read-only, beside the running host). */
export function readStore(dbFile: string, seeded: SeededFollowUp[]): StoreRead {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tasks = new Map<string, { status: string; attempts: number; assignedTo: string | null; dueAt: number }>();
    const byId = db.prepare<[string], { status: string; attempts: number; assigned_to: string | null; due_at: number }>('SELECT status, attempts, assigned_to, due_at FROM followup_tasks WHERE id = ?');
    for (const s of seeded) {
      const row = byId.get(s.task.id);
      if (row) tasks.set(s.task.id, { status: row.status, attempts: row.attempts, assignedTo: row.assigned_to, dueAt: row.due_at });
    }
    const ids = seeded.map((s) => s.customer.id);
    const marks = ids.map(() => '?').join(',');
    const events = (
      db.prepare(`SELECT id, customer_id, kind, payload FROM history_events WHERE customer_id IN (${marks}) AND kind != 'order' ORDER BY occurred_at, id`).all(...ids) as Array<{
        id: string;
        customer_id: string;
        kind: string;
        payload: string;
      }>
    ).map((r) => ({ id: r.id, customerId: r.customer_id, kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    const outbox = (db.prepare('SELECT op_id, kind, sent_at, payload FROM outbox ORDER BY seq').all() as Array<{ op_id: string; kind: string; sent_at: number | null; payload: string }>).map((r) => ({
      opId: r.op_id,
      kind: r.kind,
      sentAt: r.sent_at,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }));
    return { tasks, events, outbox };
  } finally {
    db.close();
  }
}
