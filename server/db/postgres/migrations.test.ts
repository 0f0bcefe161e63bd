import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, pgBaseUrl } from '../../../tests/rigs/postgres/env';
import { migrate } from './migrate';
import { migrations } from './migrations';

const base = pgBaseUrl('server/db/postgres migrations');

/** One test per migration, each on a fresh database migrated up to it. */
describe.skipIf(base === null)('PostgreSQL server migrations', () => {
  const dropAll: (() => Promise<void>)[] = [];
  const pools: pg.Pool[] = [];
  async function dbAt(version: number): Promise<pg.Pool> {
    const db = await freshDatabase(base!, 'mig');
    dropAll.push(db.drop);
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pools.push(pool);
    await migrate(pool, version);
    return pool;
  }
  let full: pg.Pool;
  beforeAll(async () => {
    full = await dbAt(Infinity);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await Promise.all(dropAll.map((d) => d()));
  });

  it('are numbered like the SQLite ones, and a second run applies nothing', async () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(await migrate(full)).toEqual([]);
  });

  it('1 accounts: roles are checked and agents need a team', async () => {
    const db = await dbAt(1);
    await db.query("INSERT INTO teams VALUES ('t1', 'A', 1)");
    await expect(db.query("INSERT INTO users VALUES ('u1', 'x', 'h', 'root', NULL, 1)")).rejects.toThrow(/check constraint/);
    await expect(db.query("INSERT INTO users VALUES ('u1', 'x', 'h', 'agent', NULL, 1)")).rejects.toThrow(/check constraint/);
  });

  it('2 customers: one customer per external id', async () => {
    const db = await dbAt(2);
    await db.query("INSERT INTO teams VALUES ('t1', 'A', 1)");
    await db.query("INSERT INTO customers VALUES ('c1', 't1', 'crm-1', 'n', '{}', '{}', '[]', NULL)");
    await expect(db.query("INSERT INTO customers VALUES ('c2', 't1', 'crm-1', 'n', '{}', '{}', '[]', NULL)")).rejects.toThrow(/duplicate key/);
  });

  it('3 history: events need an existing customer', async () => {
    const db = await dbAt(3);
    await expect(db.query("INSERT INTO history VALUES ('e1', 'nobody', 't1', 'note', 'x', NULL, NULL, '{}')")).rejects.toThrow(/foreign key/);
  });

  it('4 tasks: a new task starts at lease epoch 0', async () => {
    const db = await dbAt(4);
    await db.query("INSERT INTO teams VALUES ('t1', 'A', 1)");
    await db.query("INSERT INTO customers VALUES ('c1', 't1', NULL, 'n', '{}', '{}', '[]', NULL)");
    await db.query("INSERT INTO tasks (id, customer_id, team_id, status, data) VALUES ('k1', 'c1', 't1', 'queued', '{}')");
    expect((await db.query("SELECT lease_epoch FROM tasks WHERE id = 'k1'")).rows[0]).toEqual({ lease_epoch: 0 });
  });

  it('5 sync: the sequence counter starts at 0 and op ids are unique', async () => {
    const db = await dbAt(5);
    expect((await db.query('SELECT seq::int AS seq FROM sync_counter')).rows).toEqual([{ seq: 0 }]);
    await db.query("INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ('o1', 'c', 'u', 1)");
    expect((await db.query("INSERT INTO ops (op_id, client_id, user_id, received_at) VALUES ('o1', 'c', 'u', 1) ON CONFLICT DO NOTHING")).rowCount).toBe(0);
  });

  it('6 tasks by customer: an index on tasks.customer_id for the follow-up rules', async () => {
    const db = await dbAt(6);
    expect((await db.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'tasks_customer'")).rows[0]).toMatchObject({ indexdef: expect.stringContaining('(customer_id)') as unknown });
  });
});
