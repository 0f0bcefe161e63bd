import type { AgentStateName, BreakReason } from '../../../shared/agent/states';
import type { Db } from './open';

export interface AgentStateRecord {
  agent: string;
  state: AgentStateName;
  fromState: AgentStateName | null;
  breakReason: BreakReason | null;
  cause: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface AgentStateWriter {
  record(change: AgentStateRecord): number;
}
export interface AgentStateReader {
  /** One agent's changes at or after `sinceMs`, oldest first. */
  since(agent: string, sinceMs: number, limit: number): AgentStateRecord[];
}

interface Row {
  agent: string;
  state: AgentStateName;
  from_state: AgentStateName | null;
  break_reason: BreakReason | null;
  cause: string;
  at: number;
}

/** The shift log of migration 006. */
export function agentStateStore(db: Db): AgentStateReader & AgentStateWriter {
  const insert = db.prepare<[string, string, string | null, string | null, string, number]>(
    'INSERT INTO agent_state_log (agent, state, from_state, break_reason, cause, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string, number, number], Row>(
    'SELECT agent, state, from_state, break_reason, cause, at FROM agent_state_log WHERE agent = ? AND at >= ? ORDER BY at, seq LIMIT ?',
  );
  return {
    record: (c) => Number(insert.run(c.agent, c.state, c.fromState, c.breakReason, c.cause, c.at).lastInsertRowid),
    since: (agent, sinceMs, limit) =>
      select.all(agent, sinceMs, limit).map((r) => ({
        agent: r.agent,
        state: r.state,
        fromState: r.from_state,
        breakReason: r.break_reason,
        cause: r.cause,
        at: r.at,
      })),
  };
}
