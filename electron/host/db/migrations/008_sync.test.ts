import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('migration 008: sync state', () => {
  it('keeps one session and one node, and refuses a server that is not an http(s) address', () => {
    const session = db.prepare("INSERT INTO sync_session (id, server, username, user_id, role) VALUES (1, ?, 'a1', 'u1', 'agent')");
    expect(() => session.run('ftp://x')).toThrow(/CHECK constraint failed/);
    session.run('http://127.0.0.1:8787');
    expect(() => session.run('http://127.0.0.1:8787')).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
    expect(db.prepare('SELECT cursor FROM sync_session').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO sync_node (id, client_id, hlc) VALUES (1, 'bad id!', '000000000000000:00000:x')").run()).toThrow(/CHECK/);
  });

  it('drops a customer\'s clocks and a task\'s lease with the record, and refuses a lease without an end', () => {
    db.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'n', 0, 0)").run();
    db.prepare(`INSERT INTO followup_tasks (id, customer_id, type, status, priority, due_at, sla_at, reason, created_at)
                VALUES ('t1', 'c1', 'survey', 'queued', 3, 0, 1, '', 0)`).run();
    db.prepare(`INSERT INTO customer_clocks VALUES ('c1', '{"name":"000001764057600000:00000:srv"}')`).run();
    expect(() => db.prepare("INSERT INTO task_leases (task_id, holder) VALUES ('t1', 'u1')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO task_leases (task_id, holder, lease_until, epoch) VALUES ('t1', 'u1', 5, 1)").run();
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM customer_clocks) + (SELECT count(*) FROM task_leases)').pluck().get()).toBe(0);
  });
});
