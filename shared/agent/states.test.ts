import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  decideInbound,
  initialAgentState,
  reduceAgentState,
  wrapUpRemainingSec,
  type AgentEvent,
  type AgentState,
} from './states';

const run = (events: AgentEvent[], policy = DEFAULT_POLICY): AgentState =>
  events.reduce((s, e, i) => reduceAgentState(s, e, 1000 * (i + 1), policy), initialAgentState(0));

describe('agent states', () => {
  it('walks a normal inbound call: available → ringing → on call → wrap-up → available', () => {
    const names: string[] = [];
    let s = initialAgentState(0);
    for (const e of [{ type: 'login' }, { type: 'call_ringing' }, { type: 'call_answered' }, { type: 'call_ended' }, { type: 'wrap_up_done' }] as AgentEvent[]) {
      s = reduceAgentState(s, e, 0, DEFAULT_POLICY);
      names.push(s.name);
    }
    expect(names).toEqual(['available', 'ringing', 'on_call', 'wrap_up', 'available']);
  });

  it('declines with busy on break and in wrap-up, but rings a second line while on a call', () => {
    const onBreak = run([{ type: 'login' }, { type: 'start_break', reason: 'lunch' }]);
    expect(onBreak.breakReason).toBe('lunch');
    expect(decideInbound(onBreak, DEFAULT_POLICY)).toBe('busy');
    const wrapping = run([{ type: 'login' }, { type: 'call_dialed' }, { type: 'call_ended' }]);
    expect(wrapping.name).toBe('wrap_up');
    expect(decideInbound(wrapping, DEFAULT_POLICY)).toBe('busy');
    const onCall = run([{ type: 'login' }, { type: 'call_dialed' }]);
    expect(decideInbound(onCall, DEFAULT_POLICY)).toBe('ring');
    expect(decideInbound(onCall, { ...DEFAULT_POLICY, callWaiting: false })).toBe('busy');
    expect(decideInbound(onBreak, { ...DEFAULT_POLICY, whenNotAvailable: 'ring' })).toBe('ring');
  });

  it('stays on call until the last of two lines hangs up', () => {
    const s = run([{ type: 'login' }, { type: 'call_ringing' }, { type: 'call_answered' }, { type: 'call_ringing' }, { type: 'call_answered' }, { type: 'call_ended' }]);
    expect(s.name).toBe('on_call');
    expect(run([{ type: 'login' }, { type: 'call_dialed' }, { type: 'call_dialed' }, { type: 'call_ended' }, { type: 'call_ended' }]).name).toBe('wrap_up');
  });

  it('counts the wrap-up limit down from when wrap-up began', () => {
    const s = run([{ type: 'login' }, { type: 'call_dialed' }, { type: 'call_ended' }]);
    expect(wrapUpRemainingSec(s, s.since + 15_000, DEFAULT_POLICY)).toBe(45);
    expect(wrapUpRemainingSec(s, s.since + 120_000, DEFAULT_POLICY)).toBe(0);
  });

  it('cannot take a break or log out in the middle of a call', () => {
    const s = run([{ type: 'login' }, { type: 'call_dialed' }, { type: 'start_break', reason: 'rest' }, { type: 'logout' }]);
    expect(s.name).toBe('on_call');
  });

  it('never counts negative calls and never sits on_call without a call, whatever the event order', () => {
    const event = fc.constantFrom<AgentEvent>(
      { type: 'login' },
      { type: 'logout' },
      { type: 'set_available' },
      { type: 'start_break', reason: 'rest' },
      { type: 'call_ringing' },
      { type: 'ring_ended' },
      { type: 'call_dialed' },
      { type: 'call_ended' },
      { type: 'wrap_up_done' },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const s = run(events);
        expect(s.activeCalls).toBeGreaterThanOrEqual(0);
        expect(s.ringingCalls).toBeGreaterThanOrEqual(0);
        if (s.name === 'on_call') expect(s.activeCalls).toBeGreaterThan(0);
        if (s.name === 'break') expect(s.breakReason).not.toBeNull();
      }),
    );
  });
});

describe('stray events', () => {
  it('ignore a hang-up when no call is up', () => {
    const s = run([{ type: 'login' }, { type: 'call_ended' }]);
    expect(s.name).toBe('available');
  });
});
