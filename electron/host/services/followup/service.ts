import { randomUUID } from 'node:crypto';
import { ApiFailure, type FieldProblem, type ParsedInputOf } from '../../../../shared/api';
import type { DialCheck, FollowUpSettings, NextTask, SavedOutcome, TaskPreview } from '../../../../shared/api/followup';
import type { SyncState } from '../../../../shared/api/sync';
import type { Customer, FollowUpTask, HistoryEvent, PhoneNumber } from '../../../../shared/domain';
import { afterAttempt, CallbackError, checkCallbackTime, type AttemptResult, type RetryDecision } from '../../../../shared/followup/retry';
import { durationMs, toIso } from '../../../../shared/followup/time';
import type { ClaimResponse } from '../../../../shared/sync';
import type { Stores } from '../../db';
import { refreshZones } from '../../db';
import { refreshZonesForNumber } from '../../db/zones';
import type { Db } from '../../db/open';
import type { LocalWrites } from '../../sync/local-writes';
import type { FollowUpConfig } from './config';
import { answerProblems, feedbackEvent } from './feedback';
import { callbackFailure, DECISION, followupEvent, inboundFeedback, managedKey, nextFields, opResult, replayOutcome } from './outcome';
import { dialGate, type DialAssessment } from './gate';
import { candidatesInOrder, nextWorkableAt, type PickContext } from './pick';
import { buildPreview } from './preview';

/** What the follow-up service needs from sync: the state, the session, claims and the local write path. */
export interface FollowUpSync {
  state(): SyncState;
  session(): { userId: string; username: string } | null;
  /** Claims a task on the server (sync client); throws ApiFailure 'unavailable' when it is unreachable. */
  claim(taskId: string): Promise<ClaimResponse>;
  writes: Pick<LocalWrites, 'recordOutcome' | 'appendEvent'>;
  /** This console's node id: the agent id of last resort. */
  clientId(): string;
}

export interface FollowUpDeps {
  db: Db;
  stores: Stores;
  config: FollowUpConfig;
  sync: FollowUpSync;
  /** The softphone's extension (the agent id while signed out) and display name (what scripts call the agent). */
  softphone: () => { extension: string | null; displayName: string | null };
  now?: () => number;
}

/**
 * Who is working: the signed-in account (its server user id: what the server writes as a lease's
 * holder and a callback's owner, so "my tasks" stay mine across pulls; shown by username), else the
 * softphone extension, else this console's own id. `server` says whether claims go to a server.
 */
export interface Agent {
  id: string;
  /** In history events: the username, extension or console id. */
  name: string;
  /** What the script says ("我是{{agent.name}}"): the softphone's display name; null lets the script's fallback speak. */
  spoken: string | null;
  mode: 'local' | 'online' | 'offline';
}

/** Claims refused in a row before nextTask gives up for now (colleagues racing for the same head). */
const MAX_CLAIMS = 10;
const OPEN = new Set(['queued', 'leased']);

const fail = (code: 'bad_request' | 'not_found' | 'unavailable', field: string, message: string) => new ApiFailure(code, `${field}: ${message}`, field);

export function followUpService(deps: FollowUpDeps) {
  const { stores, config, sync } = deps;
  const clock = deps.now ?? Date.now;
  const gate = dialGate({ config, dnc: stores.dnc });
  // The store's zone column follows the same options and lists as the gate (db/zones.ts).
  refreshZones(deps.db, gate.zoneContext(managedKey(config)));
  let topping: Promise<void> = Promise.resolve();

  const agent = (): Agent => {
    const state = sync.state();
    const session = sync.session();
    const phone = deps.softphone();
    const spoken = phone.displayName;
    if (state !== 'signed_out' && session) return { id: session.userId, name: session.username, spoken, mode: state === 'offline' ? 'offline' : 'online' };
    if (phone.extension) return { id: phone.extension, name: phone.extension, spoken, mode: 'local' };
    const id = sync.clientId();
    return { id, name: id, spoken, mode: 'local' };
  };

  const loadTask = (taskId: string): FollowUpTask => {
    const task = stores.tasks.byId(taskId);
    if (!task) throw fail('not_found', 'taskId', `no follow-up task ${taskId}`);
    return task;
  };
  const loadCustomer = (customerId: string, field = 'customerId'): Customer => {
    const customer = stores.customers.byId(customerId);
    if (!customer) throw fail('not_found', field, `no customer ${customerId}`);
    return customer;
  };

  interface Workable {
    task: FollowUpTask;
    customer: Customer;
    phones: PhoneNumber[];
    dial: DialAssessment;
  }
  const assess = (task: FollowUpTask, now: number): Workable | null => {
    const customer = stores.customers.byId(task.customerId);
    if (!customer) return null;
    const phones = stores.customers.phonesOf(customer.id);
    return { task, customer, phones, dial: gate.assess(customer, phones, task, now) };
  };

  const heldByMe = (task: FollowUpTask, me: Agent, now: number): boolean => {
    if (task.status !== 'leased' || task.assignedTo !== me.id) return false;
    if (me.mode === 'local') return true;
    const until = stores.queue.leaseUntil(task.id);
    return until !== null && until > now;
  };

  /** The first task in queue order that passes the gate now, skipping `exclude`. */
  const firstWorkable = (me: Agent, now: number, type: string | null, scope: PickContext['scope'], exclude: ReadonlySet<string> = new Set()): Workable | null => {
    const ctx: PickContext = { now, agent: me.id, type, maxAttempts: config.retry.maxAttempts, calendar: config.calendar, scope };
    for (const candidate of candidatesInOrder(stores.queue, ctx)) {
      if (exclude.has(candidate.id)) continue;
      const task = stores.tasks.byId(candidate.id);
      if (!task) continue;
      if (scope === 'held' && !heldByMe(task, me, now)) continue;
      const found = assess(task, now);
      if (found?.dial.check.ok) return found;
    }
    return null;
  };

  /** `w.task` as it is now (held: leased to this agent, as the hold or the claim just wrote it). */
  const preview = (w: Workable, me: Agent, now: number): TaskPreview => {
    const task = w.task;
    const reasonEvent = task.reasonEventId === null ? null : stores.history.byId(task.reasonEventId);
    return buildPreview(config, { ...w, task, reasonEvent: reasonEvent?.customerId === task.customerId ? reasonEvent : null, agentName: me.spoken, now });
  };

  const held = (w: Workable, me: Agent): Workable => ({ ...w, task: { ...w.task, status: 'leased', assignedTo: me.id } });

  const offlineMessage = 'offline: the server cannot be reached and this console holds no follow-up it may work now. Held tasks stay workable until their lease ends; the rest of the queue comes back with the connection.';

  /** Claims on the server; null when it cannot be reached (the caller falls back to what it holds). */
  const tryClaim = async (taskId: string): Promise<ClaimResponse | 'gone' | null> => {
    try {
      return await sync.claim(taskId);
    } catch (error) {
      if (error instanceof ApiFailure && (error.code === 'unavailable' || error.code === 'unauthorized')) return null;
      if (error instanceof ApiFailure) return 'gone'; // not on the server, or already closed there
      throw error;
    }
  };

  /** In the background: hold up to `holdAhead` more tasks so work goes on if the server goes away. */
  const topUp = (me: Agent, current: string): void => {
    if (config.holdAhead === 0 || me.mode !== 'online') return;
    topping = topping.then(async () => {
      const now = clock();
      const skip = new Set([current]);
      let held = 0;
      for (let tries = 0; held < config.holdAhead && tries < MAX_CLAIMS; ) {
        const next = firstWorkable(me, now, null, 'all', skip);
        if (!next) return;
        skip.add(next.task.id);
        if (heldByMe(next.task, me, now)) {
          held += 1;
          continue;
        }
        tries += 1;
        const answer = await tryClaim(next.task.id);
        if (answer === null) return;
        if (answer === 'gone') continue;
        if (answer.granted) held += 1;
        else stores.queue.markHeldElsewhere(next.task.id, answer.holder, answer.leaseUntil === null ? null : Date.parse(answer.leaseUntil));
      }
    }).catch((error: unknown) => console.warn(`follow-up: holding tasks ahead failed: ${error instanceof Error ? error.message : String(error)}`));
  };

  const nextOffline = (me: Agent, now: number, type: string | null): NextTask => {
    const found = firstWorkable(me, now, type, 'held');
    return found ? { status: 'task', preview: preview(found, me, now) } : { status: 'offline', message: offlineMessage };
  };

  const empty = (me: Agent, now: number, type: string | null): NextTask => {
    const next = nextWorkableAt(stores.queue, { now, agent: me.id, type, maxAttempts: config.retry.maxAttempts, calendar: config.calendar });
    return { status: 'empty', nextAt: next === null ? null : toIso(next) };
  };

  /**
   * Makes sure this agent may record work on the task. Signed out, the local store is the truth:
   * any open task not held by someone else. Signed in, the server decides: the task must be held
   * here (an expired lease still counts: the server accepts the outcome if nobody claimed it
   * since), or be claimed now.
   */
  const ensureHeld = async (task: FollowUpTask, me: Agent): Promise<void> => {
    if (!OPEN.has(task.status)) throw fail('bad_request', 'taskId', `this follow-up is already ${task.status}`);
    const mine = task.assignedTo === me.id;
    if (me.mode === 'local') {
      if (task.status === 'leased' && !mine) throw fail('unavailable', 'taskId', `held by ${task.assignedTo ?? 'another agent'}`);
      return;
    }
    if (task.status === 'leased' && mine) return;
    const answer = me.mode === 'online' ? await tryClaim(task.id) : null;
    if (answer === null) throw fail('unavailable', 'taskId', 'offline: this console does not hold this task; it can be worked once the server is reachable');
    if (answer === 'gone') throw fail('unavailable', 'taskId', 'the server no longer has this task open');
    if (!answer.granted) {
      stores.queue.markHeldElsewhere(task.id, answer.holder, answer.leaseUntil === null ? null : Date.parse(answer.leaseUntil));
      throw fail('unavailable', 'taskId', `held by ${answer.holder ?? 'another agent'}${answer.leaseUntil ? ` until ${answer.leaseUntil}` : ''}`);
    }
  };

  return {
    gate,
    agent,
    /** Settles when background holding (holdAhead) is done: for tests and orderly shutdown. */
    idle: () => topping,

    settings(): FollowUpSettings {
      return { dispositions: config.dispositions, surveys: [...config.surveys.values()], progressiveDelaySec: config.progressiveDelaySec };
    },

    async nextTask(input: ParsedInputOf<'nextTask'>): Promise<NextTask> {
      const me = agent();
      const now = clock();
      const type = input.type ?? null;
      if (me.mode === 'offline') return nextOffline(me, now, type);
      if (me.mode === 'local') {
        const found = firstWorkable(me, now, type, 'all');
        if (!found) return empty(me, now, type);
        stores.queue.holdLocally(found.task.id, me.id);
        return { status: 'task', preview: preview(held(found, me), me, now) };
      }
      const refused = new Set<string>();
      for (let tries = 0; tries < MAX_CLAIMS; tries++) {
        const found = firstWorkable(me, now, type, 'all', refused);
        if (!found) return empty(me, now, type);
        if (heldByMe(found.task, me, now)) {
          topUp(me, found.task.id);
          return { status: 'task', preview: preview(found, me, now) };
        }
        const answer = await tryClaim(found.task.id);
        if (answer === null) return nextOffline({ ...me, mode: 'offline' }, now, type);
        if (answer !== 'gone' && answer.granted) {
          topUp(me, found.task.id);
          return { status: 'task', preview: preview(held(found, me), me, now) };
        }
        if (answer !== 'gone') stores.queue.markHeldElsewhere(found.task.id, answer.holder, answer.leaseUntil === null ? null : Date.parse(answer.leaseUntil));
        refused.add(found.task.id);
      }
      throw new ApiFailure('unavailable', `colleagues took the next ${MAX_CLAIMS} tasks first; ask again`);
    },

    async openTask(taskId: string): Promise<TaskPreview> {
      const me = agent();
      const now = clock();
      const task = loadTask(taskId);
      if (task.assignedTo !== null && task.assignedTo !== me.id && task.status === 'queued') {
        throw fail('unavailable', 'taskId', `assigned to ${task.assignedTo}`);
      }
      if (me.mode === 'offline') {
        if (!heldByMe(task, me, now)) throw fail('unavailable', 'taskId', 'offline: this console does not hold this task; it can be opened once the server is reachable');
      } else {
        await ensureHeld(task, me);
        if (me.mode === 'local') stores.queue.holdLocally(task.id, me.id);
        else topUp(me, task.id);
      }
      const found = assess(stores.tasks.byId(task.id) ?? task, now);
      if (!found) throw fail('not_found', 'taskId', `the customer of task ${taskId} is not in this console`);
      return preview(found, me, now);
    },

    checkDial(input: ParsedInputOf<'checkDial'>): DialCheck {
      const now = clock();
      const task = input.taskId === null ? null : loadTask(input.taskId);
      if (task && input.customerId !== null && task.customerId !== input.customerId) {
        throw fail('bad_request', 'taskId', `task ${task.id} is for another customer`);
      }
      const customerId = input.customerId ?? task?.customerId ?? null;
      const customer = customerId === null ? null : loadCustomer(customerId, input.customerId === null ? 'taskId' : 'customerId');
      return gate.check(input.number, customer, task, now);
    },

    async skipTask(input: ParsedInputOf<'skipTask'>): Promise<{ task: FollowUpTask }> {
      const me = agent();
      const task = loadTask(input.taskId);
      await ensureHeld(task, me);
      const now = clock();
      const next: FollowUpTask = { ...task, status: 'skipped', assignedTo: me.id };
      const notes = input.note.trim() === '' ? `skipped: ${input.reason}` : `skipped: ${input.reason} — ${input.note.trim()}`;
      const event = followupEvent(`fu-skip-${randomUUID()}`, task, me.name, now, { outcome: 'skipped', notes, decision: 'skipped', reason: input.reason, ...nextFields(next) }, `Follow-up ${task.type} skipped (${input.reason})`);
      sync.writes.recordOutcome({ taskId: task.id, result: 'skipped', event, agentId: me.id, next });
      return { task: loadTask(task.id) };
    },

    async rescheduleTask(input: ParsedInputOf<'rescheduleTask'>): Promise<{ task: FollowUpTask }> {
      const me = agent();
      const task = loadTask(input.taskId);
      const now = clock();
      const found = assess(task, now);
      if (!found) throw fail('not_found', 'taskId', `the customer of task ${task.id} is not in this console`);
      let atMs: number;
      try {
        atMs = checkCallbackTime(input.at, toIso(now), { policy: config.retry, zone: found.dial.zone.zone, calendar: config.calendar });
      } catch (error) {
        if (error instanceof CallbackError) throw callbackFailure('at', error, found.dial.zone.zone);
        throw error;
      }
      await ensureHeld(task, me);
      const next: FollowUpTask = {
        ...task,
        status: 'queued',
        dueAt: toIso(atMs),
        slaAt: toIso(Math.max(Date.parse(task.slaAt), atMs + durationMs(config.retry.callbackGrace))),
        assignedTo: me.id,
      };
      const notes = input.note.trim();
      const event = followupEvent(`fu-resched-${randomUUID()}`, task, me.name, now, { outcome: 'rescheduled', notes, decision: 'rescheduled', callbackAt: next.dueAt, ...nextFields(next) }, `Follow-up ${task.type} rescheduled to ${next.dueAt}`);
      sync.writes.recordOutcome({ taskId: task.id, result: 'retry', event, agentId: me.id, next });
      return { task: loadTask(task.id) };
    },

    async saveOutcome(input: ParsedInputOf<'saveFollowUpOutcome'>): Promise<SavedOutcome> {
      const eventId = `fu-${input.saveId}`;
      const feedbackId = `fb-${input.saveId}`;
      const earlier = replayOutcome(stores, eventId, feedbackId);
      if (earlier) return earlier;

      const me = agent();
      const task = loadTask(input.taskId);
      const problems: FieldProblem[] = [];
      const disposition = config.dispositions.find((d) => d.id === input.disposition);
      if (!disposition) problems.push({ field: 'disposition', message: `unknown disposition "${input.disposition}"; one of ${config.dispositions.map((d) => d.id).join(', ')}` });
      const survey = task.surveyId ? (config.surveys.get(task.surveyId) ?? null) : null;
      const answered = Object.keys(input.answers).length > 0;
      if (answered && !survey) problems.push({ field: 'answers', message: 'this follow-up has no survey' });
      if (survey) problems.push(...answerProblems(survey, input.answers, disposition?.outcome === 'reached'));
      if (disposition?.outcome === 'callback' && input.callbackAt === null) problems.push({ field: 'callbackAt', message: 'required when the customer asks to be called back: the time they chose' });
      if (problems.length > 0 || !disposition) throw ApiFailure.fields('bad_request', problems);

      const now = clock();
      const found = assess(task, now);
      if (!found) throw fail('not_found', 'taskId', `the customer of task ${task.id} is not in this console`);
      const result: AttemptResult =
        disposition.outcome === 'callback' ? { outcome: 'callback', at: input.callbackAt ?? '', agent: me.id } : { outcome: disposition.outcome };
      let decision: RetryDecision;
      try {
        decision = afterAttempt(task, result, toIso(now), { policy: config.retry, zone: found.dial.zone.zone, calendar: config.calendar });
      } catch (error) {
        if (error instanceof CallbackError) throw callbackFailure('callbackAt', error, found.dial.zone.zone);
        throw error;
      }
      await ensureHeld(task, me);

      const next = decision.task;
      const event = followupEvent(
        eventId,
        task,
        me.name,
        now,
        {
          outcome: disposition.outcome,
          notes: input.notes,
          disposition: disposition.id,
          decision: DECISION[decision.kind],
          ...(decision.kind === 'close' ? { reason: decision.reason } : {}),
          attempt: task.attempts + 1,
          ...(input.callId !== null ? { callId: input.callId } : {}),
          ...(decision.kind === 'callback' ? { callbackAt: next.dueAt } : {}),
          ...nextFields(next),
          ...(input.tags.length > 0 ? { tags: input.tags } : {}),
          ...(input.nextAction.trim() !== '' ? { nextAction: input.nextAction.trim() } : {}),
        },
        `Follow-up ${task.type} · ${disposition.id} · ${DECISION[decision.kind]}${decision.kind === 'close' ? ` (${decision.reason})` : ` → ${next.dueAt}`}`,
      );
      const feedback = survey && answered ? feedbackEvent({ id: feedbackId, customerId: task.customerId, occurredAt: event.occurredAt, survey, answers: input.answers, taskId: task.id }) : null;
      stores.transaction(() => {
        if (disposition.outcome === 'do_not_call') {
          // The customer's flag syncs with the outcome (the server sets it from the event); the
          // local list keeps the number blocked here whatever a pull says meanwhile.
          const number = found.dial.number;
          if (number !== null) {
            stores.dnc.add({ e164: number, customerId: task.customerId, source: 'wrap_up', taskId: task.id, agent: me.name.slice(0, 64), addedAt: event.occurredAt });
            gate.block(number);
            refreshZonesForNumber(deps.db, number);
          } else {
            stores.dnc.flagCustomer(task.customerId);
          }
        }
        sync.writes.recordOutcome({ taskId: task.id, result: opResult(decision.kind), event, agentId: me.id, opId: input.saveId, next, alsoEvents: feedback ? [feedback] : [] });
      });
      return { savedAt: event.occurredAt, task: loadTask(task.id), decision: DECISION[decision.kind], eventIds: feedback ? [event.id, feedback.id] : [event.id] };
    },

    /** An inbound call's wrap-up with a survey (recordCall): see inboundFeedback. */
    callFeedback: (input: ParsedInputOf<'recordCall'>): HistoryEvent | null => inboundFeedback(config, input),
  };
}
export type FollowUpService = ReturnType<typeof followUpService>;
