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
import type { CallerIdInput } from '../../shared/calls/caller-id';
import type { Line } from '../softphone/lines';
import { durationSec } from '../softphone/lines';
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

export interface WrapUp {
  line: Line;
  customerId: string | null;
  disposition: string;
  notes: string;
  status: 'editing' | 'saving' | 'saved' | 'error';
  problem: Problem | null;
}

export const DISPOSITIONS = ['resolved', 'follow_up_needed', 'escalated', 'information_given', 'complaint_logged', 'wrong_number', 'no_answer'] as const;

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
  wrapUps: WrapUp[];
  problem: Problem | null;
  devices: DeviceChoice;

  /** Loads settings and registers when they are complete. */
  boot(): Promise<void>;
  saveSettings(settings: SoftphoneSettings, password?: string): Promise<void>;
  setAvailable(): void;
  startBreak(reason: BreakReason): void;
  goOffline(): Promise<void>;
  dial(target: string): Promise<void>;
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
  editWrapUp(lineId: string, patch: Partial<Pick<WrapUp, 'disposition' | 'notes'>>): void;
  saveWrapUp(lineId: string): Promise<void>;
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
  now?: () => number;
  mark?: (name: string) => void;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

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
        const customerId = get().lineCustomers[line.id] ?? null;
        set((s) => ({ wrapUps: [...s.wrapUps, { line, customerId, disposition: answered ? '' : 'no_answer', notes: '', status: 'editing', problem: null }] }));
        // A call that never connected still becomes history at once; the wrap-up adds to it later.
        if (!answered) {
          void get().saveWrapUp(line.id);
          return;
        }
        // Wrap-up has a limit: what the agent entered by then is saved, so no call goes unrecorded.
        setTimeout(() => {
          if (get().wrapUps.find((w) => w.line.id === line.id)?.status === 'editing') void get().saveWrapUp(line.id);
        }, get().policy.wrapUpLimitSec * 1000);
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
      wrapUps: [],
      problem: null,
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

      dial: (target) =>
        withEngine(async (e) => {
          const trimmed = target.trim();
          if (!trimmed) return;
          await e.dial(trimmed);
        }),
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
        set((s) => ({ lineCustomers: { ...s.lineCustomers, [lineId]: customerId }, wrapUps: s.wrapUps.map((w) => (w.line.id === lineId ? { ...w, customerId } : w)) }));
        deps.presentCustomer({ customerId, pageSize: 50 });
      },

      async quickCreate(lineId, name) {
        const line = get().lines.find((l) => l.id === lineId) ?? get().wrapUps.find((w) => w.line.id === lineId)?.line;
        if (!line) return;
        try {
          const view = await deps.api.createCustomer({ name, phone: line.callerId?.raw || line.remote });
          set((s) => ({
            pops: { ...s.pops, [lineId]: { status: 'ready', pop: { status: 'matched', e164: view.phones[0]?.e164 ?? null, view } } },
            lineCustomers: { ...s.lineCustomers, [lineId]: view.customer.id },
            wrapUps: s.wrapUps.map((w) => (w.line.id === lineId ? { ...w, customerId: view.customer.id } : w)),
            problem: null,
          }));
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

      editWrapUp(lineId, patch) {
        set((s) => ({ wrapUps: s.wrapUps.map((w) => (w.line.id === lineId ? { ...w, ...patch, status: w.status === 'saved' ? 'saved' : 'editing' } : w)) }));
      },

      async saveWrapUp(lineId) {
        const wrap = get().wrapUps.find((w) => w.line.id === lineId);
        if (!wrap || wrap.status === 'saving') return;
        const update = (patch: Partial<WrapUp>) => set((s) => ({ wrapUps: s.wrapUps.map((w) => (w.line.id === lineId ? { ...w, ...patch } : w)) }));
        update({ status: 'saving', problem: null });
        const { line } = wrap;
        const ext = get().settings?.settings?.extension ?? null;
        try {
          // Written durably by the host (history + outbox in one transaction) before we say saved.
          await deps.api.recordCall({
            callId: `${ext ?? 'agent'}-${line.ringAt ?? 0}-${line.id}`,
            customerId: wrap.customerId,
            occurredAt: iso(line.ringAt ?? now()) ?? new Date().toISOString(),
            payload: {
              direction: line.direction,
              from: (line.direction === 'inbound' ? line.remote : (ext ?? '')).slice(0, 64),
              to: (line.direction === 'inbound' ? (ext ?? '') : line.remote).slice(0, 64),
              ringAt: iso(line.ringAt),
              answeredAt: iso(line.answeredAt),
              endedAt: iso(line.endedAt),
              durationSec: durationSec(line, now()),
              agent: ext,
              disposition: wrap.disposition || null,
              notes: wrap.notes.trim() || null,
              quality: line.quality ? { mos: line.quality.mos, jitterMs: line.quality.jitterMs, lossPct: line.quality.lossPct, rttMs: line.quality.rttMs } : null,
            },
          });
          update({ status: 'saved' });
          if (get().agent.name === 'wrap_up' && get().lines.length === 0 && !get().wrapUps.some((w) => w.status !== 'saved')) agentEvent({ type: 'wrap_up_done' });
        } catch (error) {
          update({ status: 'error', problem: toProblem(error) });
        }
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
