import type { ParsedInputOf } from '../../../shared/api';
import type { AgentStateWriter } from '../db';
import { toMillis } from '../db/instant';

/** Every agent state change, with its time, into the shift log (see migration 006). */
export function recordAgentState(log: AgentStateWriter, input: ParsedInputOf<'recordAgentState'>): { seq: number } {
  const seq = log.record({
    agent: input.agent,
    state: input.state,
    fromState: input.fromState,
    breakReason: input.state === 'break' ? input.breakReason : null,
    cause: input.cause,
    at: toMillis(input.at),
  });
  return { seq };
}
