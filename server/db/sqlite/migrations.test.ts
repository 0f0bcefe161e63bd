import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { migrations } from './migrations';

/** One test per migration: migrate up to it, then check what it promised. */
function dbAt(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

describe('SQLite server migrations', () => {
  it('are numbered 1..n without gaps, and a second run applies nothing', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const db = dbAt(Infinity);
    expect(migrate(db)).toEqual([]);
  });

  it('1 accounts: roles are checked, agents need a team, types are strict', () => {
    const db = dbAt(1);
    db.prepare("INSERT INTO teams VALUES ('t1', 'A', 1)").run();
    expect(() => db.prepare("INSERT INTO users VALUES ('u1', 'x', 'h', 'root', NULL, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO users VALUES ('u1', 'x', 'h', 'agent', NULL, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO users VALUES ('u1', 'x', 'h', 'agent', 't1', 'yesterday')").run()).toThrow(/cannot store TEXT/);
    db.prepare("INSERT INTO users VALUES ('u1', 'x', 'h', 'admin', NULL, 1)").run();
  });

  it('2 customers: one customer per external id, phones indexed', () => {
    const db = dbAt(2);
    db.prepare("INSERT INTO teams VALUES ('t1', 'A', 1)").run();
    const insert = db.prepare("INSERT INTO customers VALUES (?, 't1', 'crm-1', 'n', '{}', '{}', '[]', NULL)");
    insert.run('c1');
    expect(() => insert.run('c2')).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'customer_phones_e164'").pluck().get()).toBe('customer_phones_e164');
  });

  it('3 history: events need an existing customer and page by time', () => {
    const db = dbAt(3);
    expect(() => db.prepare("INSERT INTO history VALUES ('e1', 'nobody', 't1', 'note', 'x', NULL, NULL, '{}')").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'history_customer_time'").pluck().get()).toBeTruthy();
  });

  it('4 tasks: a new task starts at lease epoch 0', () => {
    const db = dbAt(4);
    db.prepare("INSERT INTO teams VALUES ('t1', 'A', 1)").run();
    db.prepare("INSERT INTO customers VALUES ('c1', 't1', NULL, 'n', '{}', '{}', '[]', NULL)").run();
    db.prepare("INSERT INTO tasks (id, customer_id, team_id, status, data) VALUES ('k1', 'c1', 't1', 'queued', '{}')").run();
    expect(db.prepare("SELECT lease_epoch FROM tasks WHERE id = 'k1'").pluck().get()).toBe(0);
  });

  it('5 sync: op ids are unique and change sequences only grow', () => {
    const db = dbAt(5);
    db.prepare("INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ('o1', 'c', 'u', 1)").run();
    expect(db.prepare("INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ('o1', 'c', 'u', 1) ON CONFLICT DO NOTHING").run().changes).toBe(0);
    const add = db.prepare("INSERT INTO changes (domain, entity_id, team_id, at) VALUES ('task', 'k', 't', 1) RETURNING seq").pluck();
    const first = add.get() as number;
    db.prepare('DELETE FROM changes').run();
    expect(add.get()).toBe(first + 1);
    expect(() => db.prepare("INSERT INTO changes (domain, entity_id, team_id, at) VALUES ('order', 'k', 't', 1)").run()).toThrow(/CHECK/);
  });

  it('6 tasks by customer: the follow-up rules find a customer\'s tasks through an index', () => {
    const db = dbAt(6);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT data FROM tasks WHERE customer_id = 'c1'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX tasks_customer/);
  });
});
