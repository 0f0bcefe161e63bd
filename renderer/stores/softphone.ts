import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_POLICY,
  decideInbound,
  initialAgentState,
  reduceAgentState,
  type AgentEvent,
  type AgentPolicy,
  type AgentState,
  type BreakReason,
} from '../../shared/agent/states';
import type { Api, ScreenPop, SoftphoneSettings, SoftphoneSettingsState } from '../../shared/api/contract';
import type { NotDialableReason } from '../../shared/api/followup';
import type { CallerIdInput } from '../../shared/calls/caller-id';
import type { Line } from '../softphone/lines';
import type { RegistrationStatus } from '../softphone/registration-keeper';
import type { SipSettings } from '../softphone/settings';
import { toProblem, type Problem } from './problem';

/** The parts of the sip.js softphone the store drives; the real one is renderer/softphone/softphone.ts. */
export interface PhoneEngine {
  start(settings: SipSettings): void;
  stop(): Promise<void>;
  dial(target: string): Promise<string>;
  answer(lineId: string): Promise<void>;
  reject(lineId: string, statusCode?: number): Promise<void>;
  hangup(lineId: string): Promise<void>;
  hold(lineId: string, hold: boolean): Promise<void>;
  mute(lineId: string, muted: boolean): void;
  sendDtmf(lineId: string, digit: string): Promise<'rfc4733' | 'info'>;
  blindTransfer(lineId: string, target: string): Promise<void>;
  attendedTransfer(lineId: string, consultLineId: string): Promise<void>;
  swap(): Promise<void>;
  refreshQuality(lineId: string): Promise<Line | null>;
  setInputDevice(deviceId: string): Promise<void>;
  setOutputDevice(deviceId: string): Promise<void>;
}

/** The agent's audio devices: microphone, call audio, and where the ring sounds. */
export interface DeviceChoice {
  input: string | null;
  output: string | null;
  ringer: string | null;
}
const DEVICES_KEY = 'huifang.devices';

export interface PhoneEvents {
  linesChanged(lines: Line[]): void;
  registrationChanged(status: RegistrationStatus): void;
  decideInbound(callerId: CallerIdInput): 'ring' | 'busy';
  lineEnded(line: Line): void;
}

export type PopState = { status: 'loading' } | { status: 'ready'; pop: ScreenPop } | { status: 'error'; problem: Problem };

/** Why the compliance gate (the host's checkDial) refused a dial: shown instead of placing the call. */
export interface DialRefusal {
  number: string;
  reason: NotDialableReason | 'check_failed';
  message: string;
  nextAllowedAt: string | null;
}

/** What a dial is for: the customer (do-not-call flag, zone) and, from the preview, the follow-up task. */
export interface DialContext {
  customerId?: string | null;
  taskId?: string | null;
}

/** How a line ended up being worked: the wrap-up needs it (recordCall's customer, the follow-up task). */
export interface LineContext {
  customerId: string | null;
  taskId: string | null;
}

/**
 * Internal extensions (colleagues for a consultation, the PBX's own services): 2–6 digits, no "+".
 * No subscriber number is that short, so none can be a customer's or on a do-not-call list: they are
 * dialled as typed, without the customer gate. Everything else goes through checkDial.
 */
export const isInternalExtension = (target: string): boolean => /^[0-9]{2,6}$/.test(target);

export interface SoftphoneState {
  settings: SoftphoneSettingsState | null;
  registration: RegistrationStatus;
  lines: Line[];
  agent: AgentState;
  policy: AgentPolicy;
  /** Screen-pop per ringing/answered line. */
  pops: Record<string, PopState>;
  /** The customer each line is worked for (from the pop, the chooser or quick create). */
  lineCustomers: Record<string, string | null>;
  focusLineId: string | null;
  /** The follow-up task a line was dialled for (preview call, callback). */
  lineTasks: Record<string, string>;
  problem: Problem | null;
  /** The last dial the compliance gate refused (cleared by the next dial). */
  dialRefusal: DialRefusal | null;
  /** What the last placed outbound call dialled, for redial (through the gate again). */
  lastDialed: { target: string; customerId: string | null } | null;
  devices: DeviceChoice;

  /** Loads settings and registers when they are complete. */
  boot(): Promise<void>;
  saveSettings(settings: SoftphoneSettings, password?: string): Promise<void>;
  setAvailable(): void;
  startBreak(reason: BreakReason): void;
  goOffline(): Promise<void>;
  /**
   * Every outbound dial (dialpad, click-to-dial, preview, redial, callback) comes here: the host's
   * checkDial decides, and the number it returns is the one dialled. Resolves to the new line's id,
   * or null when nothing was dialled (refused: see dialRefusal; or the phone failed: see problem).
   */
  dial(target: string, context?: DialContext): Promise<string | null>;
  redial(): Promise<string | null>;
  clearDialRefusal(): void;
  answer(lineId: string): Promise<void>;
  reject(lineId: string): Promise<void>;
  hangup(lineId: string): Promise<void>;
  hold(lineId: string, hold: boolean): Promise<void>;
  mute(lineId: string, muted: boolean): void;
  sendDtmf(digit: string): Promise<void>;
  blindTransfer(lineId: string, target: string): Promise<void>;
  attendedTransfer(lineId: string): Promise<void>;
  swap(): Promise<void>;
  chooseCustomer(lineId: string, customerId: string): void;
  quickCreate(lineId: string, name: string): Promise<void>;
  /** The wrap-up store says every wrap-up is saved: the agent leaves Wrap-up when no line is left. */
  wrapUpDone(): void;
  /** Switches a device now — mid-call too (replaceTrack / setSinkId) — and remembers it. */
  setDevice(kind: keyof DeviceChoice, deviceId: string): Promise<void>;
}
export type SoftphoneStore = StoreApi<SoftphoneState>;

export interface SoftphoneDeps {
  api: Api;
  /** Builds the engine around the store's event sink (the real sip.js phone, or a fake in tests). */
  createEngine(events: PhoneEvents): PhoneEngine;
  /** The center shows a customer: a pop's matched view, or one the agent chose. */
  presentCustomer(view: Parameters<Api['getCustomer']>[0] | { view: NonNullable<Awaited<ReturnType<Api['getCustomer']>>> }): void;
  showScreenPop(): void;
  /** A line ended: the wrap-up store opens its after-call work (and records unanswered calls at once). */
  lineEnded?(line: Line, context: LineContext): void;
  /** The agent chose (or created) the customer of a line, maybe after it ended: its wrap-up follows. */
  customerChosen?(lineId: string, customerId: string): void;
  /** A line that already ended (its wrap-up still open), for quick create after the call. */
  endedLine?(lineId: string): Line | undefined;
  now?: () => number;
  mark?: (name: string) => void;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function createSoftphoneStore(deps: SoftphoneDeps): SoftphoneStore {
  const now = deps.now ?? Date.now;
  const mark = deps.mark ?? ((name: string) => performance.mark(name));
  let engine: PhoneEngine | null = null;

  return createStore<SoftphoneState>()((set, get) => {
    const agentEvent = (event: AgentEvent) => {
      const before = get().agent;
      const after = reduceAgentState(before, event, now(), get().policy);
      if (after === before) return;
      set({ agent: after });
      if (after.name !== before.name) {
        const agent = get().settings?.settings?.extension ?? 'unknown';
        void deps.api
          .recordAgentState({ agent, state: after.name, fromState: before.name, breakReason: after.breakReason, cause: event.type, at: new Date(after.since).toISOString() })
          .catch(() => undefined);
      }
    };

    const popFor = async (line: Line) => {
      set((s) => ({ pops: { ...s.pops, [line.id]: { status: 'loading' } }, focusLineId: line.id }));
      deps.showScreenPop();
      try {
        const pop = await deps.api.lookupCaller({ raw: line.callerId?.raw ?? line.remote, headers: line.callerId?.headers ?? {} });
        set((s) => ({
          pops: { ...s.pops, [line.id]: { status: 'ready', pop } },
          lineCustomers: { ...s.lineCustomers, [line.id]: pop.status === 'matched' ? pop.view.customer.id : null },
        }));
        if (pop.status === 'matched') deps.presentCustomer({ view: pop.view });
      } catch (error) {
        set((s) => ({ pops: { ...s.pops, [line.id]: { status: 'error', problem: toProblem(error) } } }));
      }
    };

    const events: PhoneEvents = {
      linesChanged(lines) {
        // Agent states follow the lines, whichever path changed them (buttons, swap, the far end).
        const previous = new Map(get().lines.map((l) => [l.id, l]));
        set({ lines });
        for (const line of lines) {
          const before = previous.get(line.id);
          if (!before) {
            if (line.direction === 'inbound') {
              mark(`huifang:invite:${line.id}`);
              agentEvent({ type: 'call_ringing' });
              void popFor(line);
            } else {
              agentEvent({ type: 'call_dialed' });
            }
          } else if (line.direction === 'inbound' && before.answeredAt === null && line.answeredAt !== null) {
            agentEvent({ type: 'call_answered' });
          }
        }
      },
      registrationChanged(registration) {
        set({ registration });
      },
      decideInbound() {
        return decideInbound(get().agent, get().policy);
      },
      lineEnded(line) {
        const answered = line.answeredAt !== null;
        if (line.direction === 'inbound' && !answered) agentEvent({ type: 'ring_ended' });
        else if (answered || line.direction === 'outbound') agentEvent({ type: 'call_ended' });
        deps.lineEnded?.(line, { customerId: get().lineCustomers[line.id] ?? null, taskId: get().lineTasks[line.id] ?? null });
      },
    };

    const withEngine = async (fn: (e: PhoneEngine) => unknown) => {
      if (!engine) return;
      try {
        set({ problem: null });
        await fn(engine);
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    };

    return {
      settings: null,
      registration: { state: 'idle' },
      lines: [],
      agent: initialAgentState(now()),
      policy: DEFAULT_POLICY,
      pops: {},
      lineCustomers: {},
      focusLineId: null,
      lineTasks: {},
      problem: null,
      dialRefusal: null,
      lastDialed: null,
      devices: loadDevices(deps.storage ?? null),

      async boot() {
        try {
          const state = await deps.api.getSoftphoneSettings({});
          set({ settings: state });
          if (!state.settings || state.password !== 'stored') return;
          const s = state.settings;
          set({ policy: { wrapUpLimitSec: s.wrapUpLimitSec, whenNotAvailable: s.whenNotAvailable, callWaiting: s.callWaiting } });
          const { password } = await deps.api.softphoneCredentials({});
          await engine?.stop();
          engine = deps.createEngine(events);
          const { devices } = get();
          if (devices.input) void engine.setInputDevice(devices.input).catch(() => undefined);
          if (devices.output) void engine.setOutputDevice(devices.output).catch(() => undefined);
          engine.start({ wsUrl: s.wsUrl, domain: s.domain, extension: s.extension, authorizationUsername: s.authorizationUsername, password, displayName: s.displayName });
          agentEvent({ type: 'login' });
        } catch (error) {
          set({ problem: toProblem(error) });
        }
      },

      async saveSettings(settings, password) {
        const state = await deps.api.saveSoftphoneSettings(password === undefined ? { settings } : { settings, password });
        set({ settings: state });
        await get().boot();
      },

      setAvailable: () => agentEvent({ type: 'set_available' }),
      startBreak: (reason) => agentEvent({ type: 'start_break', reason }),
      async goOffline() {
        agentEvent({ type: 'logout' });
        await engine?.stop();
        engine = null;
        set({ registration: { state: 'idle' } });
      },

      async dial(target, context = {}) {
        const trimmed = target.trim();
        if (!trimmed) return null;
        const customerId = context.customerId ?? null;
        const taskId = context.taskId ?? null;
        set({ dialRefusal: null, problem: null });
        if (!engine) {
          set({ problem: { code: 'unavailable', message: 'the softphone is not connected' } });
          return null;
        }
        let number: string;
        if (isInternalExtension(trimmed) && taskId === null) number = trimmed;
        else {
          try {
            const check = await deps.api.checkDial({ number: trimmed, customerId, taskId });
            if (!check.ok) {
              set({ dialRefusal: { number: trimmed, reason: check.reason, message: check.message, nextAllowedAt: check.nextAllowedAt } });
              return null;
            }
            number = check.e164;
          } catch (error) {
            // No answer from the gate is no permission to dial.
            set({ dialRefusal: { number: trimmed, reason: 'check_failed', message: toProblem(error).message, nextAllowedAt: null } });
            return null;
          }
        }
        try {
          const lineId = await engine.dial(number);
          set((s) => ({
            lastDialed: { target: number, customerId },
            lineCustomers: customerId ? { ...s.lineCustomers, [lineId]: customerId } : s.lineCustomers,
            lineTasks: taskId ? { ...s.lineTasks, [lineId]: taskId } : s.lineTasks,
          }));
          return lineId;
        } catch (error) {
          set({ problem: toProblem(error) });
          return null;
        }
      },
      redial() {
        const last = get().lastDialed;
        return last ? get().dial(last.target, { customerId: last.customerId }) : Promise.resolve(null);
      },
      clearDialRefusal: () => set({ dialRefusal: null }),
      answer: (lineId) => withEngine((e) => e.answer(lineId)),
      reject: (lineId) => withEngine((e) => e.reject(lineId, 486)),
      hangup: (lineId) => withEngine((e) => e.hangup(lineId)),
      hold: (lineId, hold) => withEngine((e) => e.hold(lineId, hold)),
      mute: (lineId, muted) => void withEngine((e) => e.mute(lineId, muted)),
      sendDtmf: (digit) =>
        withEngine(async (e) => {
          const active = get().lines.find((l) => l.state === 'active');
          if (active) await e.sendDtmf(active.id, digit);
        }),
      blindTransfer: (lineId, target) => withEngine((e) => e.blindTransfer(lineId, target.trim())),
      attendedTransfer: (lineId) =>
        withEngine(async (e) => {
          const consult = get().lines.find((l) => l.id !== lineId && l.state === 'active');
          if (!consult) throw new Error('dial the transfer target first: attended transfer needs a second, active line');
          await e.attendedTransfer(lineId, consult.id);
        }),
      swap: () => withEngine((e) => e.swap()),

      chooseCustomer(lineId, customerId) {
        set((s) => ({ lineCustomers: { ...s.lineCustomers, [lineId]: customerId } }));
        deps.customerChosen?.(lineId, customerId);
        deps.presentCustomer({ customerId, pageSize: 50 });
      },

      async quickCreate(lineId, name) {
        const line = get().lines.find((l) => l.id === lineId) ?? deps.endedLine?.(lineId);
        if (!line) return;
        try {
          const view = await deps.api.createCustomer({ name, phone: line.callerId?.raw || line.remote });
          set((s) => ({
            pops: { ...s.pops, [lineId]: { status: 'ready', pop: { status: 'matched', e164: view.phones[0]?.e164 ?? null, view } } },
            lineCustomers: { ...s.lineCustomers, [lineId]: view.customer.id },
            problem: null,
          }));
          deps.customerChosen?.(lineId, view.customer.id);
          deps.presentCustomer({ view });
        } catch (error) {
          set({ problem: toProblem(error) });
        }
      },

      async setDevice(kind, deviceId) {
        const devices = { ...get().devices, [kind]: deviceId };
        set({ devices });
        try {
          deps.storage?.setItem(DEVICES_KEY, JSON.stringify(devices));
        } catch {
          // Storage disabled by policy: the choice lasts for this session.
        }
        if (kind === 'input') await withEngine((e) => e.setInputDevice(deviceId));
        if (kind === 'output') await withEngine((e) => e.setOutputDevice(deviceId));
      },

      wrapUpDone() {
        if (get().agent.name === 'wrap_up' && get().lines.length === 0) agentEvent({ type: 'wrap_up_done' });
      },
    };
  });
}

function loadDevices(storage: Pick<Storage, 'getItem'> | null): DeviceChoice {
  const none: DeviceChoice = { input: null, output: null, ringer: null };
  try {
    const saved = JSON.parse(storage?.getItem(DEVICES_KEY) ?? 'null') as Partial<DeviceChoice> | null;
    if (!saved || typeof saved !== 'object') return none;
    const pick = (v: unknown) => (typeof v === 'string' && v.length < 300 ? v : null);
    return { input: pick(saved.input), output: pick(saved.output), ringer: pick(saved.ringer) };
  } catch {
    return none;
  }
}
