import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/api/contract';
import { HostError } from '../../shared/api/envelope';
import type { FollowUpSettings, SavedOutcome, SkipReason, TaskPreview } from '../../shared/api/followup';
import type { FollowUpTask } from '../../shared/domain';
import { toProblem, type Problem } from './problem';
import type { SoftphoneStore } from './softphone';
import type { FollowUpContext } from './wrapup';
import { instantIn, instantToZonedInput, zonedInputToInstant } from './zonedTime';

/**
 * Working the follow-up queue: next / open → preview → call (or skip, reschedule) → the wrap-up
 * (renderer/stores/wrapup.ts) saves the outcome → the next task. Progressive mode dials by itself
 * after `progressiveDelaySec` unless the agent touches anything.
 */
export type WorkView = 'idle' | 'loading' | 'preview' | 'empty' | 'offline' | 'error' | 'done';

export interface SkipForm {
  open: boolean;
  reason: SkipReason | null;
  note: string;
  saving: boolean;
  problem: Problem | null;
}

export interface RescheduleForm {
  open: boolean;
  /** Wall clock in the customer's zone, as the datetime-local field holds it. */
  at: string;
  note: string;
  saving: boolean;
  /** The host's refusal (or the form's), shown at the field, with its suggested time when it gave one. */
  error: { message: string; code: 'required' | 'invalid' | 'host'; suggestion: string | null } | null;
}

/** What the agent last finished, for the "done" view. */
export interface Finished {
  customerName: string;
  how: 'saved' | 'skipped' | 'rescheduled';
  decision: SavedOutcome['decision'] | null;
  task: FollowUpTask;
}

export interface WorkState {
  settings: FollowUpSettings | null;
  settingsProblem: Problem | null;
  view: WorkView;
  preview: TaskPreview | null;
  /** Empty queue: when the next task becomes workable. */
  nextAt: string | null;
  offlineMessage: string | null;
  problem: Problem | null;
  countdown: { startedAt: number; endsAt: number } | null;
  /** The follow-up call placed from this preview (its line id). */
  callLineId: string | null;
  dialing: boolean;
  skip: SkipForm;
  reschedule: RescheduleForm;
  finished: Finished | null;
  helpOpen: boolean;

  loadSettings(): Promise<void>;
  next(): Promise<void>;
  open(taskId: string): Promise<void>;
  call(): Promise<void>;
  cancelCountdown(): void;
  openSkip(): void;
  editSkip(patch: Partial<Pick<SkipForm, 'reason' | 'note'>>): void;
  confirmSkip(): Promise<void>;
  openReschedule(): void;
  editReschedule(patch: Partial<Pick<RescheduleForm, 'at' | 'note'>>): void;
  useRescheduleSuggestion(): void;
  confirmReschedule(): Promise<void>;
  closeForms(): void;
  outcomeSaved(taskId: string, saved: SavedOutcome): void;
  setHelp(open: boolean): void;
  /** The wrap-up's view of the open task. */
  followUpFor(taskId: string): FollowUpContext | null;
}
export type WorkStore = StoreApi<WorkState>;

export interface WorkDeps {
  api: Api;
  softphone: SoftphoneStore;
  /** The center shows the preview, and the customer's 360 view under it. */
  showPreview(customerId: string): void;
  /** The queue's type filter: "next" honours it. */
  typeFilter(): string | null;
  queueChanged(): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const closedSkip: SkipForm = { open: false, reason: null, note: '', saving: false, problem: null };
const closedReschedule: RescheduleForm = { open: false, at: '', note: '', saving: false, error: null };

export function createWorkStore(deps: WorkDeps): WorkStore {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let countdownTimer: unknown = null;
  let generation = 0;

  return createStore<WorkState>()((set, get) => {
    const stopCountdown = () => {
      if (countdownTimer !== null) clearTimer(countdownTimer);
      countdownTimer = null;
      if (get().countdown) set({ countdown: null });
    };

    const show = (preview: TaskPreview, progressive: boolean) => {
      stopCountdown();
      set({ view: 'preview', preview, problem: null, callLineId: null, dialing: false, skip: closedSkip, reschedule: closedReschedule, finished: null });
      deps.showPreview(preview.customer.id);
      const delay = get().settings?.progressiveDelaySec ?? 0;
      const phone = deps.softphone.getState();
      if (progressive && delay > 0 && preview.dial.check.ok && phone.lines.length === 0) {
        const startedAt = now();
        set({ countdown: { startedAt, endsAt: startedAt + delay * 1000 } });
        countdownTimer = setTimer(() => {
          countdownTimer = null;
          if (get().countdown?.startedAt !== startedAt || get().preview?.task.id !== preview.task.id) return;
          set({ countdown: null });
          void get().call();
        }, delay * 1000);
      }
    };

    const finish = (finished: Finished) => {
      stopCountdown();
      set({ view: 'done', preview: null, finished, callLineId: null, skip: closedSkip, reschedule: closedReschedule });
      deps.queueChanged();
    };

    return {
      settings: null,
      settingsProblem: null,
      view: 'idle',
      preview: null,
      nextAt: null,
      offlineMessage: null,
      problem: null,
      countdown: null,
      callLineId: null,
      dialing: false,
      skip: closedSkip,
      reschedule: closedReschedule,
      finished: null,
      helpOpen: false,

      async loadSettings() {
        try {
          set({ settings: await deps.api.followUpSettings({}), settingsProblem: null });
        } catch (error) {
          set({ settingsProblem: toProblem(error) });
        }
      },

      async next() {
        if (get().view === 'loading' || busyWithCall(get())) return;
        const mine = ++generation;
        stopCountdown();
        set({ view: 'loading', problem: null });
        if (!get().settings) await get().loadSettings();
        try {
          const type = deps.typeFilter();
          const result = await deps.api.nextTask(type ? { type } : {});
          if (mine !== generation) return;
          if (result.status === 'task') show(result.preview, true);
          else if (result.status === 'empty') set({ view: 'empty', preview: null, nextAt: result.nextAt });
          else set({ view: 'offline', preview: null, offlineMessage: result.message });
          deps.queueChanged();
        } catch (error) {
          if (mine !== generation) return;
          set({ view: 'error', problem: toProblem(error) });
        }
      },

      async open(taskId) {
        if (busyWithCall(get())) return;
        const mine = ++generation;
        stopCountdown();
        set({ view: 'loading', problem: null });
        if (!get().settings) await get().loadSettings();
        try {
          const preview = await deps.api.openTask({ taskId });
          if (mine !== generation) return;
          show(preview, false);
          deps.queueChanged();
        } catch (error) {
          if (mine !== generation) return;
          set({ view: 'error', problem: toProblem(error) });
        }
      },

      async call() {
        const { preview, dialing, callLineId } = get();
        stopCountdown();
        if (!preview || dialing || callLineId !== null) return;
        const check = preview.dial.check;
        // The preview already says why (do-not-call, window, attempts): nothing is dialled.
        if (!check.ok) return;
        set({ dialing: true, skip: closedSkip, reschedule: closedReschedule });
        // The softphone asks the gate again (the window may have closed while the agent read).
        const lineId = await deps.softphone.getState().dial(check.e164, { customerId: preview.customer.id, taskId: preview.task.id });
        if (get().preview?.task.id !== preview.task.id) return;
        set({ dialing: false, callLineId: lineId });
      },

      cancelCountdown: stopCountdown,

      openSkip() {
        const { preview, callLineId } = get();
        if (!preview || callLineId !== null) return;
        stopCountdown();
        set({ skip: { ...closedSkip, open: true }, reschedule: closedReschedule });
      },
      editSkip(patch) {
        set((s) => ({ skip: { ...s.skip, ...patch, problem: null } }));
      },
      async confirmSkip() {
        const { preview, skip } = get();
        if (!preview || !skip.open || skip.saving) return;
        if (!skip.reason) {
          set({ skip: { ...skip, problem: { code: 'bad_request', message: 'reason' } } });
          return;
        }
        set({ skip: { ...skip, saving: true, problem: null } });
        try {
          const { task } = await deps.api.skipTask({ taskId: preview.task.id, reason: skip.reason, note: skip.note.trim() });
          finish({ customerName: preview.customer.name, how: 'skipped', decision: null, task });
        } catch (error) {
          set((s) => ({ skip: { ...s.skip, saving: false, problem: toProblem(error) } }));
        }
      },

      openReschedule() {
        const { preview, callLineId } = get();
        if (!preview || callLineId !== null) return;
        stopCountdown();
        set({ reschedule: { ...closedReschedule, open: true }, skip: closedSkip });
      },
      editReschedule(patch) {
        set((s) => ({ reschedule: { ...s.reschedule, ...patch, error: null } }));
      },
      useRescheduleSuggestion() {
        const { preview, reschedule } = get();
        const suggestion = reschedule.error?.suggestion;
        if (!preview || !suggestion) return;
        set({ reschedule: { ...reschedule, at: instantToZonedInput(suggestion, preview.dial.zone), error: null } });
      },
      async confirmReschedule() {
        const { preview, reschedule } = get();
        if (!preview || !reschedule.open || reschedule.saving) return;
        if (!reschedule.at) {
          set({ reschedule: { ...reschedule, error: { code: 'required', message: 'required', suggestion: null } } });
          return;
        }
        const at = zonedInputToInstant(reschedule.at, preview.dial.zone);
        if (!at) {
          set({ reschedule: { ...reschedule, error: { code: 'invalid', message: 'invalid', suggestion: null } } });
          return;
        }
        set({ reschedule: { ...reschedule, saving: true, error: null } });
        try {
          const { task } = await deps.api.rescheduleTask({ taskId: preview.task.id, at, note: reschedule.note.trim() });
          finish({ customerName: preview.customer.name, how: 'rescheduled', decision: null, task });
        } catch (error) {
          const problem = toProblem(error);
          const atProblem = error instanceof HostError ? error.problems.find((p) => p.field === 'at') : undefined;
          const message = atProblem?.message ?? problem.message;
          set((s) => ({
            reschedule: { ...s.reschedule, saving: false, error: { code: 'host', message, suggestion: instantIn(message) } },
          }));
        }
      },
      closeForms() {
        set({ skip: closedSkip, reschedule: closedReschedule });
      },

      outcomeSaved(taskId, saved) {
        const { preview } = get();
        if (preview?.task.id !== taskId) {
          deps.queueChanged();
          return;
        }
        finish({ customerName: preview.customer.name, how: 'saved', decision: saved.decision, task: saved.task });
      },

      setHelp(open) {
        set({ helpOpen: open });
      },

      followUpFor(taskId) {
        const { preview } = get();
        if (preview?.task.id !== taskId) return null;
        return { taskId, type: preview.task.type, survey: preview.survey, canCallback: preview.canCallback, zone: preview.dial.zone };
      },
    };
  });

  function busyWithCall(state: WorkState): boolean {
    // A placed follow-up call is worked to its wrap-up before another task is opened.
    return state.callLineId !== null && state.view === 'preview';
  }
}
