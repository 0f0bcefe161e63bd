/**
 * Numbered, append-only: a shipped migration is never edited, a change is a new number.
 * Every table is STRICT so a wrong type is an error instead of a silently stored string.
 * Times are epoch milliseconds (INTEGER); JSON documents are TEXT.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL) STRICT;
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        team_id TEXT REFERENCES teams(id),
        created_at INTEGER NOT NULL,
        CHECK (role = 'admin' OR team_id IS NOT NULL)
      ) STRICT;
      CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id);`,
  },
  {
    version: 2,
    name: 'customers',
    sql: `
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id),
        external_id TEXT UNIQUE,
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        clocks TEXT NOT NULL,
        phones TEXT NOT NULL,
        -- The values the last import wrote: re-sending a file changes nothing, even after agents edited.
        imported TEXT
      ) STRICT;
      CREATE INDEX customers_team ON customers(team_id);
      CREATE TABLE customer_phones (
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        e164 TEXT NOT NULL,
        PRIMARY KEY (customer_id, e164)
      ) STRICT;
      CREATE INDEX customer_phones_e164 ON customer_phones(e164);`,
  },
  {
    version: 3,
    name: 'history',
    sql: `
      CREATE TABLE history (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        team_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        external_id TEXT UNIQUE,
        op_id TEXT,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX history_customer_time ON history(customer_id, occurred_at DESC, id DESC);`,
  },
  {
    version: 4,
    name: 'tasks',
    sql: `
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        team_id TEXT NOT NULL,
        status TEXT NOT NULL,
        holder TEXT,
        lease_until INTEGER,
        lease_epoch INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tasks_team_status ON tasks(team_id, status);`,
  },
  {
    version: 5,
    name: 'sync',
    sql: `
      CREATE TABLE ops (
        op_id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        ack TEXT,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        domain TEXT NOT NULL CHECK (domain IN ('customer', 'history', 'task')),
        entity_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        user_id TEXT,
        prev_user_id TEXT,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX changes_team_seq ON changes(team_id, seq);`,
  },
  {
    version: 6,
    name: 'tasks by customer',
    // The follow-up rules read every task of a customer before creating one (dedupe, cool-down).
    sql: `CREATE INDEX tasks_customer ON tasks(customer_id);`,
  },
];
