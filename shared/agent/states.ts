import { z } from 'zod';

/**
 * Agent states of a shift. The softphone drives the machine; every change is recorded with its
 * time so supervisors can see occupancy and after-call work.
 */
export const AgentStateName = z.enum(['offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break']);
export type AgentStateName = z.infer<typeof AgentStateName>;

export const BreakReason = z.enum(['lunch', 'rest', 'meeting', 'training', 'other']);
export type BreakReason = z.infer<typeof BreakReason>;

export interface AgentState {
  name: AgentStateName;
  /** When the current state began (epoch ms). */
  since: number;
  breakReason: BreakReason | null;
  /** Calls currently up (active or held) and ringing, so ending one call does not end the shift's call. */
  activeCalls: number;
  ringingCalls: number;
}

export type AgentEvent =
  | { type: 'login' }
  | { type: 'logout' }
  | { type: 'set_available' }
  | { type: 'start_break'; reason: BreakReason }
  | { type: 'call_ringing' }
  | { type: 'ring_ended' }
  | { type: 'call_answered' }
  | { type: 'call_dialed' }
  | { type: 'call_ended' }
  | { type: 'wrap_up_done' };

export interface AgentPolicy {
  /** After-call work after each call; 0 disables wrap-up. */
  wrapUpLimitSec: number;
  /** 'busy': a call arriving when not Available is declined with 486 so the PBX routes it elsewhere. */
  whenNotAvailable: 'busy' | 'ring';
  /** Allow a second inbound call to ring while on a call (call waiting). */
  callWaiting: boolean;
}

export const DEFAULT_POLICY: AgentPolicy = { wrapUpLimitSec: 60, whenNotAvailable: 'busy', callWaiting: true };

export interface StateChange {
  from: AgentStateName;
  to: AgentStateName;
  at: number;
  cause: AgentEvent['type'] | 'wrap_up_timeout';
  breakReason: BreakReason | null;
}

export function initialAgentState(now: number): AgentState {
  return { name: 'offline', since: now, breakReason: null, activeCalls: 0, ringingCalls: 0 };
}

/** What to do with a new inbound INVITE in this state: ring it, or answer 486 Busy Here. */
export function decideInbound(state: AgentState, policy: AgentPolicy): 'ring' | 'busy' {
  if (state.name === 'available') return 'ring';
  if ((state.name === 'on_call' || state.name === 'ringing') && policy.callWaiting) return 'ring';
  if (state.name === 'offline') return 'busy';
  return policy.whenNotAvailable === 'ring' ? 'ring' : 'busy';
}

/**
 * The transition function. Returns the same object when an event does not apply, so callers can
 * tell "nothing happened" by identity and record a StateChange only for real changes.
 */
export function reduceAgentState(state: AgentState, event: AgentEvent, now: number, policy: AgentPolicy): AgentState {
  const to = (name: AgentStateName, patch: Partial<AgentState> = {}): AgentState => ({
    ...state,
    ...patch,
    name,
    since: name === state.name ? state.since : now,
    breakReason: name === 'break' ? (patch.breakReason ?? state.breakReason) : null,
  });
  const counts = (patch: Partial<AgentState>): AgentState => ({ ...state, ...patch });
  const afterCalls = (s: AgentState): AgentStateName => (policy.wrapUpLimitSec > 0 ? 'wrap_up' : s.breakReason ? 'break' : 'available');

  switch (event.type) {
    case 'login':
      return state.name === 'offline' ? to('available') : state;
    case 'logout':
      return state.activeCalls > 0 ? state : to('offline', { ringingCalls: 0 });
    case 'set_available':
      return state.name === 'break' || state.name === 'wrap_up' || state.name === 'offline' ? to('available') : state;
    case 'start_break':
      if (state.activeCalls > 0 || state.name === 'ringing') return state;
      return to('break', { breakReason: event.reason });
    case 'call_ringing': {
      const ringingCalls = state.ringingCalls + 1;
      return state.activeCalls > 0 ? counts({ ringingCalls }) : to('ringing', { ringingCalls });
    }
    case 'ring_ended': {
      const ringingCalls = Math.max(0, state.ringingCalls - 1);
      if (state.name !== 'ringing' || ringingCalls > 0) return counts({ ringingCalls });
      return to('available', { ringingCalls });
    }
    case 'call_answered':
      return to('on_call', { ringingCalls: Math.max(0, state.ringingCalls - 1), activeCalls: state.activeCalls + 1 });
    case 'call_dialed':
      return to('on_call', { activeCalls: state.activeCalls + 1 });
    case 'call_ended': {
      if (state.activeCalls === 0) return state;
      const activeCalls = Math.max(0, state.activeCalls - 1);
      if (activeCalls > 0) return counts({ activeCalls });
      if (state.ringingCalls > 0) return to('ringing', { activeCalls });
      return to(afterCalls(state), { activeCalls });
    }
    case 'wrap_up_done':
      return state.name === 'wrap_up' ? to('available') : state;
  }
}

/** Wrap-up ends by itself at the configured limit; the UI shows the remaining seconds. */
export function wrapUpRemainingSec(state: AgentState, now: number, policy: AgentPolicy): number | null {
  if (state.name !== 'wrap_up') return null;
  return Math.max(0, Math.ceil(policy.wrapUpLimitSec - (now - state.since) / 1000));
}
