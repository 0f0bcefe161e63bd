import type { Migration } from '../migrate';

/**
 * The agent's shift on this console: every state change with its time (Available, Ringing, On call,
 * Wrap-up, Break with reason, Offline), so supervisors can see occupancy and after-call work; and
 * the console's secrets (the SIP password), stored only as ciphertext from the host's secret box.
 */
export const agent: Migration = {
  version: 6,
  name: 'agent',
  up(db) {
    db.exec(`
      CREATE TABLE agent_state_log (
        seq           INTEGER PRIMARY KEY,
        agent         TEXT    NOT NULL CHECK (length(agent) BETWEEN 1 AND 64),
        state         TEXT    NOT NULL CHECK (state IN ('offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break')),
        from_state    TEXT    CHECK (from_state IN ('offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break')),
        break_reason  TEXT    CHECK (break_reason IS NULL OR length(break_reason) BETWEEN 1 AND 32),
        cause         TEXT    NOT NULL CHECK (length(cause) BETWEEN 1 AND 32),
        at            INTEGER NOT NULL,
        CHECK ((state = 'break') = (break_reason IS NOT NULL))
      ) STRICT;

      -- "What did this agent do today": one agent, a time range, in order.
      CREATE INDEX agent_state_log_agent_at ON agent_state_log (agent, at);

      CREATE TABLE secrets (
        name        TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
        -- Which secret box sealed it (e.g. "safeStorage", "keyfile-aes-256-gcm"), so a console
        -- moved to another machine says "enter the password again" instead of failing to decrypt.
        scheme      TEXT NOT NULL CHECK (length(scheme) BETWEEN 1 AND 32),
        ciphertext  BLOB NOT NULL CHECK (length(ciphertext) > 0),
        updated_at  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
