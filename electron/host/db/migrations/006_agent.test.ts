import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { planOf } from '../test-fixtures';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const logState = (state: string, breakReason: string | null = null, at = 0) =>
  db.prepare("INSERT INTO agent_state_log (agent, state, break_reason, cause, at) VALUES ('1001', ?, ?, 'test', ?)").run(state, breakReason, at);

describe('migration 006: agent state log and secrets', () => {
  it('records the six agent states and nothing else', () => {
    for (const state of ['offline', 'available', 'ringing', 'on_call', 'wrap_up']) logState(state);
    logState('break', 'lunch');
    expect(() => logState('napping')).toThrow(/CHECK constraint failed/);
  });

  it('demands a reason for a break, and only for a break', () => {
    expect(() => logState('break')).toThrow(/CHECK constraint failed/);
    expect(() => logState('available', 'lunch')).toThrow(/CHECK constraint failed/);
  });

  it('reads one agent’s shift in time order from its index', () => {
    const plan = planOf(db, "SELECT * FROM agent_state_log WHERE agent = '1001' AND at >= 0 ORDER BY at");
    expect(plan).toContain('agent_state_log_agent_at');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('stores secrets as non-empty blobs only (STRICT refuses text)', () => {
    const put = db.prepare('INSERT INTO secrets (name, scheme, ciphertext, updated_at) VALUES (?, ?, ?, 0)');
    put.run('sip.password', 'keyfile-aes-256-gcm', Buffer.from([1, 2, 3]));
    expect(() => put.run('other', 'x', 'plain text password')).toThrow(/cannot store TEXT value in BLOB column/);
    expect(() => put.run('empty', 'x', Buffer.alloc(0))).toThrow(/CHECK constraint failed/);
  });
});
