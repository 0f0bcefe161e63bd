import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ParsedInputOf } from '../../shared/api/contract';
import { HostError } from '../../shared/api/envelope';
import type { Disposition, FollowUpSettings, SavedOutcome } from '../../shared/api/followup';
import type { CallOutcome } from '../../shared/followup/retry';
import { checkAnswers, type Survey, type SurveyAnswers } from '../../shared/followup/survey';
import { durationSec, type Line } from '../softphone/lines';
import { toProblem, type Problem } from './problem';
import type { LineContext } from './softphone';
import { instantIn, instantToZonedInput, zonedInputToInstant } from './zonedTime';

/** Dispositions of a call that is not a follow-up (inbound, a manual dial). */
export const CALL_DISPOSITIONS = ['resolved', 'follow_up_needed', 'escalated', 'information_given', 'complaint_logged', 'wrong_number', 'no_answer'] as const;

/** What the wrap-up of a follow-up call needs to know about its task (from the preview). */
export interface FollowUpContext {
  taskId: string;
  type: string;
  survey: Survey | null;
  canCallback: boolean;
  /** The customer's zone: the callback time is typed on their clock. */
  zone: string;
}

/** A message at one field of the form: a code the UI words in its language, or the host's own text. */
export interface FieldError {
  code: 'required' | 'choose_disposition' | 'callback_required' | 'callback_invalid' | 'callback_past' | 'host';
  message: string;
}

export interface WrapUp {
  /** The line id: one wrap-up per call. */
  id: string;
  line: Line;
  customerId: string | null;
  followUp: FollowUpContext | null;
  disposition: string;
  notes: string;
  /** The survey being answered: the task's (follow-up), one the agent added (other calls), or none. */
  surveyId: string | null;
  answers: SurveyAnswers;
  /** As typed: "vip, 投诉" → ["vip", "投诉"] when saved. */
  tagsText: string;
  nextAction: string;
  /** Callback time as typed, wall clock in the customer's zone ("2026-11-26T10:00"). */
  callbackAt: string;
  status: 'editing' | 'saving' | 'saved' | 'error';
  problem: Problem | null;
  /** By field: "disposition", "answers.<question>", "callbackAt", "tags", "notes", "nextAction". */
  fieldErrors: Record<string, FieldError>;
  /** The host's suggested callback time (an instant), offered at the field. */
  callbackSuggestion: string | null;
  /** The outbox op id of the follow-up outcome: a retried save stores nothing twice. */
  saveId: string;
  /** recordCall succeeded (it is idempotent by call id; a failed outcome save does not repeat it). */
  callRecorded: boolean;
  result: SavedOutcome | null;
}

export type WrapUpPatch = Partial<Pick<WrapUp, 'disposition' | 'notes' | 'tagsText' | 'nextAction' | 'callbackAt'>>;

export interface WrapUpState {
  items: WrapUp[];
  begin(line: Line, context: LineContext): void;
  edit(id: string, patch: WrapUpPatch): void;
  /** Sets (or, with undefined, clears) one survey answer. */
  answer(id: string, questionId: string, value: number | string | boolean | undefined): void;
  /** Adds a survey to a call that has none (inbound), or removes it (null). */
  chooseSurvey(id: string, surveyId: string | null): void;
  useCallbackSuggestion(id: string): void;
  setCustomer(lineId: string, customerId: string): void;
  /** Checks the form, then saves; true once the host answered "saved". */
  save(id: string): Promise<boolean>;
  /** The wrap-up the save shortcut acts on: the newest one not saved. */
  current(): WrapUp | null;
}
export type WrapUpStore = StoreApi<WrapUpState>;

export interface WrapUpDeps {
  api: Api;
  settings(): FollowUpSettings | null;
  followUpFor(taskId: string): FollowUpContext | null;
  /** The agent's extension, written into the call. */
  extension(): string | null;
  wrapUpLimitSec(): number;
  /** Every wrap-up saved: the agent may leave Wrap-up. */
  allSaved(): void;
  followUpSaved?(wrap: WrapUp, saved: SavedOutcome): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  newId?: () => string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Dispositions the form offers for this wrap-up. */
export function dispositionsFor(wrap: WrapUp, settings: FollowUpSettings | null): Array<{ id: string; disposition: Disposition | null }> {
  if (wrap.followUp) return (settings?.dispositions ?? []).map((d) => ({ id: d.id, disposition: d }));
  return CALL_DISPOSITIONS.map((id) => ({ id, disposition: null }));
}

/** The retry-policy outcome the chosen disposition stands for (follow-ups only). */
export function outcomeOf(wrap: WrapUp, settings: FollowUpSettings | null): CallOutcome | null {
  if (!wrap.followUp) return null;
  return settings?.dispositions.find((d) => d.id === wrap.disposition)?.outcome ?? null;
}

export function surveyOf(wrap: WrapUp, settings: FollowUpSettings | null): Survey | null {
  if (!wrap.surveyId) return null;
  if (wrap.followUp?.survey?.id === wrap.surveyId) return wrap.followUp.survey;
  return settings?.surveys.find((s) => s.id === wrap.surveyId) ?? null;
}

/** A follow-up's survey is asked when the customer was reached; a survey the agent added, always. */
export function surveyAsked(wrap: WrapUp, settings: FollowUpSettings | null): boolean {
  if (!wrap.surveyId) return false;
  return wrap.followUp ? outcomeOf(wrap, settings) === 'reached' : true;
}

export const callbackAsked = (wrap: WrapUp, settings: FollowUpSettings | null): boolean => outcomeOf(wrap, settings) === 'callback';

export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，;；\n]+/).map((t) => t.trim()).filter(Boolean))];
}

/** Every problem of the form, by field; empty when it may be sent. */
export function checkWrapUp(wrap: WrapUp, settings: FollowUpSettings | null, now: number): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (!wrap.disposition) errors['disposition'] = { code: 'choose_disposition', message: 'choose a disposition' };
  const survey = surveyOf(wrap, settings);
  if (survey && surveyAsked(wrap, settings)) {
    for (const problem of checkAnswers(survey, wrap.answers)) {
      errors[problem.field] = problem.message === 'required' ? { code: 'required', message: problem.message } : { code: 'host', message: problem.message };
    }
  }
  if (wrap.followUp && callbackAsked(wrap, settings)) {
    if (!wrap.callbackAt) errors['callbackAt'] = { code: 'callback_required', message: 'choose the time the customer asked for' };
    else {
      const at = zonedInputToInstant(wrap.callbackAt, wrap.followUp.zone);
      if (!at) errors['callbackAt'] = { code: 'callback_invalid', message: 'not a valid time' };
      else if (Date.parse(at) <= now) errors['callbackAt'] = { code: 'callback_past', message: 'must be in the future' };
    }
  }
  const tags = parseTags(wrap.tagsText);
  if (tags.length > 20 || tags.some((t) => t.length > 40)) errors['tags'] = { code: 'host', message: 'at most 20 tags of up to 40 characters' };
  return errors;
}

/** A host error's field as the form's field: "tags.3" → "tags", "answers.nps" stays, "at" is the callback time. */
function formField(field: string): string {
  if (field.startsWith('answers.')) return field.split('.').slice(0, 2).join('.');
  const top = field.split('.')[0] ?? field;
  return top === 'at' ? 'callbackAt' : top;
}

/** The outcome a call that never connected suggests: the agent confirms it. */
function unansweredOutcome(line: Line): CallOutcome {
  const code = /rejected (\d{3})/.exec(line.endReason ?? '')?.[1];
  if (code === '486' || code === '600' || code === '603') return 'busy';
  if (line.endReason?.startsWith('failed')) return 'failed';
  return 'no_answer';
}

export function createWrapUpStore(deps: WrapUpDeps): WrapUpStore {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const newId = deps.newId ?? (() => crypto.randomUUID());

  return createStore<WrapUpState>()((set, get) => {
    const update = (id: string, patch: Partial<WrapUp> | ((w: WrapUp) => Partial<WrapUp>)) =>
      set((s) => ({ items: s.items.map((w) => (w.id === id ? { ...w, ...(typeof patch === 'function' ? patch(w) : patch) } : w)) }));
    const find = (id: string) => get().items.find((w) => w.id === id);
    const callIdOf = (w: WrapUp) => `${deps.extension() ?? 'agent'}-${w.line.ringAt ?? 0}-${w.line.id}`;

    const callInput = (w: WrapUp): ParsedInputOf<'recordCall'> => {
      const { line } = w;
      const ext = deps.extension();
      const survey = !w.followUp && w.surveyId && surveyAsked(w, deps.settings()) ? { surveyId: w.surveyId, answers: w.answers } : null;
      return {
        callId: callIdOf(w),
        customerId: w.customerId,
        occurredAt: iso(line.ringAt ?? now()) ?? new Date(now()).toISOString(),
        payload: {
          direction: line.direction,
          from: (line.direction === 'inbound' ? line.remote : (ext ?? '')).slice(0, 64),
          to: (line.direction === 'inbound' ? (ext ?? '') : line.remote).slice(0, 64),
          ringAt: iso(line.ringAt),
          answeredAt: iso(line.answeredAt),
          endedAt: iso(line.endedAt),
          durationSec: durationSec(line, now()),
          agent: ext,
          disposition: w.disposition || null,
          notes: w.notes.trim() || null,
          quality: line.quality ? { mos: line.quality.mos, jitterMs: line.quality.jitterMs, lossPct: line.quality.lossPct, rttMs: line.quality.rttMs } : null,
        },
        survey,
        // A follow-up's tags belong to its outcome.
        tags: w.followUp ? [] : parseTags(w.tagsText),
      };
    };

    const afterSave = () => {
      if (get().items.every((w) => w.status === 'saved')) deps.allSaved();
    };

    return {
      items: [],

      begin(line, context) {
        if (find(line.id)) return;
        const followUp = context.taskId ? deps.followUpFor(context.taskId) : null;
        const answered = line.answeredAt !== null;
        let disposition = '';
        if (!answered) {
          if (followUp) {
            const outcome = unansweredOutcome(line);
            disposition = deps.settings()?.dispositions.find((d) => d.outcome === outcome)?.id ?? '';
          } else disposition = 'no_answer';
        }
        const wrap: WrapUp = {
          id: line.id,
          line,
          customerId: context.customerId,
          followUp,
          disposition,
          notes: '',
          surveyId: followUp?.survey?.id ?? null,
          answers: {},
          tagsText: '',
          nextAction: '',
          callbackAt: '',
          status: 'editing',
          problem: null,
          fieldErrors: {},
          callbackSuggestion: null,
          saveId: `wrap-${newId()}`,
          callRecorded: false,
          result: null,
        };
        set((s) => ({ items: [...s.items.filter((w) => w.status !== 'saved'), wrap] }));
        if (!answered) {
          // A call that never connected is history at once; a follow-up still needs its outcome.
          if (!followUp) void get().save(line.id);
          else
            void deps.api.recordCall(callInput(wrap)).then(
              () => update(line.id, { callRecorded: true }),
              () => undefined,
            );
          return;
        }
        // After-call work has a limit: what the agent entered by then is saved (when it passes the checks).
        const limit = deps.wrapUpLimitSec();
        if (limit > 0)
          setTimer(() => {
            if (find(line.id)?.status === 'editing') void get().save(line.id);
          }, limit * 1000);
      },

      edit(id, patch) {
        update(id, (w) => {
          const fieldErrors = { ...w.fieldErrors };
          for (const key of Object.keys(patch)) delete fieldErrors[key === 'tagsText' ? 'tags' : key];
          return { ...patch, fieldErrors, status: w.status === 'saved' ? 'saved' : w.status === 'error' ? 'error' : 'editing' };
        });
      },

      answer(id, questionId, value) {
        update(id, (w) => {
          const answers = { ...w.answers };
          if (value === undefined) delete answers[questionId];
          else answers[questionId] = value;
          const fieldErrors = { ...w.fieldErrors };
          delete fieldErrors[`answers.${questionId}`];
          return { answers, fieldErrors };
        });
      },

      chooseSurvey(id, surveyId) {
        update(id, (w) => (w.followUp ? {} : { surveyId, answers: {}, fieldErrors: Object.fromEntries(Object.entries(w.fieldErrors).filter(([k]) => !k.startsWith('answers.'))) }));
      },

      useCallbackSuggestion(id) {
        const w = find(id);
        if (!w?.followUp || !w.callbackSuggestion) return;
        get().edit(id, { callbackAt: instantToZonedInput(w.callbackSuggestion, w.followUp.zone) });
        update(id, { callbackSuggestion: null });
      },

      setCustomer(lineId, customerId) {
        update(lineId, { customerId });
      },

      async save(id) {
        const w = find(id);
        if (!w || w.status === 'saving' || w.status === 'saved') return false;
        const settings = deps.settings();
        const errors = checkWrapUp(w, settings, now());
        if (Object.keys(errors).length > 0) {
          update(id, { fieldErrors: errors, status: 'error', problem: null });
          return false;
        }
        update(id, { status: 'saving', problem: null, fieldErrors: {}, callbackSuggestion: null });
        try {
          if (!find(id)?.callRecorded) {
            // Written durably by the host (history + outbox in one transaction) before we say saved.
            await deps.api.recordCall(callInput(w));
            update(id, { callRecorded: true });
          }
          if (w.followUp) {
            const asked = surveyAsked(w, settings);
            const saved = await deps.api.saveFollowUpOutcome({
              saveId: w.saveId,
              taskId: w.followUp.taskId,
              callId: callIdOf(w),
              disposition: w.disposition,
              notes: w.notes.trim(),
              answers: asked ? w.answers : {},
              tags: parseTags(w.tagsText),
              callbackAt: callbackAsked(w, settings) ? zonedInputToInstant(w.callbackAt, w.followUp.zone) : null,
              nextAction: w.nextAction.trim(),
            });
            update(id, { status: 'saved', result: saved });
            deps.followUpSaved?.(find(id) ?? w, saved);
          } else {
            update(id, { status: 'saved' });
          }
          afterSave();
          return true;
        } catch (error) {
          const problem = toProblem(error);
          // The host names every bad field at once (HostError.problems): each message goes under its field.
          const problems = error instanceof HostError ? error.problems : [];
          const byField: Record<string, FieldError> = {};
          for (const p of problems) byField[formField(p.field)] ??= { code: 'host', message: p.message };
          const callbackProblem = problems.find((p) => ['callbackAt', 'at'].includes(formField(p.field)));
          update(id, (cur) => ({
            status: 'error',
            problem: problems.length > 0 ? null : problem,
            fieldErrors: { ...cur.fieldErrors, ...byField },
            callbackSuggestion: callbackProblem ? instantIn(callbackProblem.message) : null,
          }));
          return false;
        }
      },

      current() {
        const open = get().items.filter((w) => w.status !== 'saved');
        return open[open.length - 1] ?? null;
      },
    };
  });
}
