/**
 * `npm run bench -- sync`:
 *  1. initial sync of 200k customers and 100k tasks from a server (SQLite, its own process) into an
 *     empty console store, beside the raw bulk-insert time of the same rows into the same kind of store;
 *  2. 500 simulated agents pushing task outcomes (one op per request, the next as soon as the last
 *     is acked) to a warmed-up server process on PostgreSQL, beside the raw single-row insert rate of
 *     the same database with the same concurrency. With 500 agents and no pause between outcomes the
 *     mean ack time is 500 / throughput (Little's law): 2,000/s means 250 ms on average.
 * Options: --customers=200000 --tasks=100000 --initial-runs=3 (the median is reported) --agents=500
 * --outcomes=20 (per agent) --warmup-s=2 (notes pushed the same way before the timed outcomes;
 * 0 = a cold start, all agents at once) --team-size=25 --listen=1 (the agents' consoles listen on
 * their live channels, as synced consoles do, and get their team's changes; 0 = pushes only).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { createHost } from '../../electron/host/composition';
import { memoryVault } from '../../electron/host/sync';
import { hashPassword } from '../../server/auth/passwords';
import { issueAccessToken } from '../../server/auth/tokens';
import { openStore } from '../../server/store/open';
import type { Actor } from '../../server/store/access';
import type { Store } from '../../server/store/store';
import type { Customer, FollowUpTask } from '../../shared/domain';
import type { Operation } from '../../shared/sync';
import { killHard, startServerProcess } from '../integration/server/process';
import { startCluster } from '../rigs/postgres/cluster';
import { freshDatabase } from '../rigs/postgres/database';
import { option, type Benchmark } from './lib/benchmark';
import { machineInfo } from './lib/machine';
import { writeResult } from './lib/results';
import { summarize } from './lib/stats';

const SECRET_HEX = 'ef'.repeat(32);
const SECRET = Buffer.from(SECRET_HEX, 'hex');
const PASSWORD = 'bench password 1';
const DAY = 86_400_000;
/**
 * Agents per team in the ingest: a supervisor's team, whose consoles all replicate the team's
 * customers and so are sent every outcome's history event (a team of 500 is `--team-size=500`).
 */
const TEAM_SIZE = 25;

function customer(i: number, at: string): { customer: Customer; phones: { e164: string; label: 'mobile'; isPrimary: boolean }[] } {
  return {
    customer: { id: `cus_${i}`, name: `客户${i}`, segment: 'standard', tags: ['bench'], region: 'CN', timeZone: null, email: null, company: null, city: '杭州', language: 'zh-CN', createdAt: at, updatedAt: at },
    phones: [{ e164: `+86138${String(i).padStart(8, '0')}`, label: 'mobile', isPrimary: true }],
  };
}
function task(i: number, customers: number, at: string): FollowUpTask {
  return { id: `task_${i}`, customerId: `cus_${i % customers}`, type: 'satisfaction_survey', status: 'queued', priority: 3, dueAt: at, slaAt: new Date(Date.parse(at) + 3 * DAY).toISOString(), reasonEventId: null, reason: 'bench', attempts: 0, assignedTo: null, createdAt: at };
}

/** Server data written straight through the engine in big transactions: seeding is not what is measured. */
async function seedServer(store: Store, team: string, customers: number, tasks: number): Promise<void> {
  const at = new Date().toISOString();
  const CHUNK = 5_000;
  for (let i = 0; i < customers; i += CHUNK) {
    await store.bulkSeed(team, Array.from({ length: Math.min(CHUNK, customers - i) }, (_, k) => customer(i + k, at)), []);
  }
  for (let i = 0; i < tasks; i += CHUNK) {
    await store.bulkSeed(team, [], Array.from({ length: Math.min(CHUNK, tasks - i) }, (_, k) => task(i + k, customers, at)));
  }
}

/** The console's side of one initial sync from a server process on `file`: seconds from sign-in to online. */
async function oneInitialSync(file: string, dir: string, run: number) {
  const server = await startServerProcess(['--db', file, '--sweep-minutes', '0'], { HUIFANG_SECRET: SECRET_HEX });
  try {
    const host = createHost({ dbFile: path.join(dir, `console-${run}.db`), defaultRegion: 'CN', mode: 'web', version: 'bench', sync: { vault: memoryVault() } });
    try {
      const start = performance.now();
      await host.handlers.login({ server: server.base, username: 'agent', password: PASSWORD });
      for (;;) {
        const s = host.sync.client.status();
        if (s.state === 'online') break;
        if (s.state === 'offline' || s.state === 'signed_out') throw new Error(`initial sync failed: ${s.lastError ?? s.state}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const seconds = (performance.now() - start) / 1000;
      const counts = host.db.prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM followup_tasks) AS tasks').get() as { customers: number; tasks: number };
      return { seconds, counts };
    } finally {
      host.close();
    }
  } finally {
    await killHard(server.child);
  }
}

/**
 * Seeds the server once, then syncs it into `runs` empty consoles, each from a fresh copy of the
 * server's file (a sign-in writes to it): this 2-core machine's speed varies by ±20 % from one
 * minute to the next, so the median of several runs is reported beside each run.
 */
async function initialSync(customers: number, tasks: number, runs: number, log: (m: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'huifang-bench-sync-'));
  try {
    const seeded = path.join(dir, 'seeded.db');
    const store = await openStore({ sqlite: seeded });
    const team = (await store.createTeam('bench')).id;
    await store.createUser({ username: 'agent', passwordHash: await hashPassword(PASSWORD), role: 'agent', teamId: team });
    log(`seeding the server with ${customers} customers and ${tasks} tasks…`);
    await seedServer(store, team, customers, tasks);
    await store.close();
    const runsS: number[] = [];
    let counts = { customers: 0, tasks: 0 };
    for (let run = 0; run < runs; run++) {
      const file = path.join(dir, `server-${run}.db`);
      copyFileSync(seeded, file);
      const result = await oneInitialSync(file, dir, run);
      runsS.push(result.seconds);
      counts = result.counts;
      log(`initial sync ${run + 1}/${runs}: ${result.seconds.toFixed(2)} s`);
      rmSync(file, { force: true });
    }
    // Baseline: the same rows bulk-inserted into an empty console store of the same build.
    const raw = createHost({ dbFile: path.join(dir, 'raw.db'), defaultRegion: 'CN', mode: 'web', version: 'bench', sync: { vault: memoryVault(), autoStart: false } });
    const at = new Date().toISOString();
    const t0 = performance.now();
    const stores = (await import('../../electron/host/db')).createStores(raw.db, { defaultRegion: 'CN' });
    stores.customers.insertMany(Array.from({ length: customers }, (_, i) => customer(i, at)));
    stores.tasks.insertMany(Array.from({ length: tasks }, (_, i) => task(i, customers, at)));
    const rawS = (performance.now() - t0) / 1000;
    raw.close();
    return { runsS, initialS: median(runsS), rawS, counts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function pgUrl(log: (m: string) => void): Promise<{ base: string; stop: () => void }> {
  if (process.env.HUIFANG_PG_URL) return { base: process.env.HUIFANG_PG_URL, stop: () => undefined };
  log('starting a throwaway PostgreSQL cluster…');
  const cluster = await startCluster();
  return { base: cluster.url, stop: () => void cluster.stop() };
}

/**
 * A simulated agent's console: the live channel (WebSocket) it pushes its outcomes over, one at a
 * time, as an online console does (electron/host/sync/client.ts). With `listenFrom` it also says
 * hello, as a synced console does, and the server streams it every change of its scope: each
 * outcome's history event goes to every console of the agent's team.
 */
async function agentChannel(base: string, token: string, listenFrom: number | null, received: { frames: number; bytes: number }) {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/live?access_token=${encodeURIComponent(token)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  if (listenFrom !== null) socket.send(JSON.stringify({ type: 'hello', cursor: listenFrom }));
  let waiting: ((acks: { status: string; code?: string }[]) => void) | null = null;
  socket.on('message', (data: Buffer) => {
    // Changes are counted, not parsed: the bench's one process plays 500 consoles, whose parsing
    // would happen on 500 other machines and would only slow the server down here.
    if (data.subarray(0, 18).toString('latin1') === '{"type":"changes",') {
      received.frames++;
      received.bytes += data.length;
      return;
    }
    const msg = JSON.parse(data.toString('utf8')) as { type: string; acks?: { status: string; code?: string }[]; message?: string };
    if (msg.type !== 'acks' || !msg.acks) throw new Error(`push refused: ${msg.message ?? msg.type}`);
    waiting?.(msg.acks);
  });
  let id = 0;
  return {
    push: (clientId: string, op: Operation) =>
      new Promise<{ status: string; code?: string }[]>((resolve) => {
        waiting = resolve;
        socket.send(JSON.stringify({ type: 'push', id: ++id, clientId, ops: [op] }));
      }),
    close: () => socket.close(),
  };
}

/**
 * `teamSize`: agents per team (agent a in team ⌊a / teamSize⌋, with its customer and tasks);
 * `listen`: whether the agents' consoles listen on their live channels (each outcome fans out to the team).
 */
async function ingest(agents: number, perAgent: number, warmupMs: number, teamSize: number, listen: boolean, log: (m: string) => void) {
  const { base, stop } = await pgUrl(log);
  const db = await freshDatabase(base, 'bench');
  try {
    const store = await openStore({ postgres: db.url });
    const at = new Date().toISOString();
    const total = agents * perAgent;
    const teams: string[] = [];
    for (let t = 0; t * teamSize < agents; t++) teams.push((await store.createTeam(`bench-${t}`)).id);
    const teamOf = (a: number) => teams[Math.floor(a / teamSize)]!;
    for (let t = 0; t < teams.length; t++) {
      const members = Array.from({ length: Math.min(teamSize, agents - t * teamSize) }, (_, k) => t * teamSize + k);
      const tasks = members.flatMap((a) => Array.from({ length: perAgent }, (_, k) => task(k * agents + a, agents, at)));
      await store.bulkSeed(teams[t]!, members.map((a) => customer(a, at)), tasks);
    }
    const actors: Actor[] = [];
    for (let a = 0; a < agents; a++) {
      const u = await store.createUser({ username: `agent${a}`, passwordHash: 'x', role: 'agent', teamId: teamOf(a) });
      actors.push({ userId: u.id, role: 'agent' as const, teamId: teamOf(a) });
    }
    log(`claiming ${total} tasks for ${agents} agents…`);
    // Setup, not measured: claims in parallel, a few per connection.
    let nextClaim = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (nextClaim < total) {
          const i = nextClaim++;
          await store.claim(actors[i % agents]!, `task_${i}`);
        }
      }),
    );
    const head = await store.headSeq();
    await store.close();

    // Baseline: single-row INSERT transactions into a table shaped like history, same concurrency.
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query('CREATE TABLE raw_insert (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, data JSONB NOT NULL)');
    let next = 0;
    const r0 = performance.now();
    await Promise.all(
      Array.from({ length: agents }, async () => {
        while (next < total) {
          const i = next++;
          await pool.query('INSERT INTO raw_insert VALUES ($1, $2, $3)', [`r${i}`, `cus_${i % agents}`, JSON.stringify({ text: 'x'.repeat(40) })]);
        }
      }),
    );
    const rawPerS = total / ((performance.now() - r0) / 1000);
    await pool.end();

    const server = await startServerProcess(['--pg', db.url, '--sweep-minutes', '0'], { HUIFANG_SECRET: SECRET_HEX });
    try {
      const latencies: number[] = [];
      let refused = 0;
      const now = Date.now();
      // Warm-up, not measured: for `warmupMs` every agent pushes notes, one at a time as it will its
      // outcomes, and then goes straight on to them — the clock starts at the end of the warm-up.
      // So the timed pushes meet a running system (JIT-compiled server, cached tokens, agents out of
      // step with each other) instead of 500 requests fired in the same millisecond at a cold one.
      const received = { frames: 0, bytes: 0 };
      const channels = await Promise.all(actors.map((actor) => agentChannel(server.base, issueAccessToken(SECRET, actor, now, 3_600_000), listen ? head : null, received)));
      const warmEnd = performance.now() + warmupMs;
      let atStart = { ...received };
      const snapshot = setTimeout(() => (atStart = { ...received }), warmupMs);
      let warmNotes = 0;
      const t0 = warmEnd;
      await Promise.all(
        channels.map(async (channel, a) => {
          for (let w = 0; performance.now() < warmEnd; w++) {
            const id = `warm-${a}-${w}`;
            const op: Operation = { type: 'history.append', opId: `op-${id}`, hlc: `${String(Date.now()).padStart(15, '0')}:00000:agent${a}`, event: { id: `ev-${id}`, customerId: `cus_${a}`, kind: 'note', occurredAt: new Date().toISOString(), summary: 'warm-up', payload: { text: 'warm-up', author: null } } };
            await channel.push(`agent${a}`, op);
            warmNotes++;
          }
          for (let k = 0; k < perAgent; k++) {
            const i = k * agents + a;
            const op: Operation = {
              type: 'task.outcome',
              opId: `op-bench-${i}`,
              hlc: `${String(Date.now()).padStart(15, '0')}:00000:agent${a}`,
              taskId: `task_${i}`,
              leaseEpoch: 1,
              result: 'done',
              event: { id: `ev-bench-${i}`, customerId: `cus_${a}`, kind: 'note', occurredAt: new Date().toISOString(), summary: '满意', payload: { text: '满意', author: null } },
            };
            const s = performance.now();
            const acks = await channel.push(`agent${a}`, op);
            latencies.push(performance.now() - s);
            if (acks[0]?.status !== 'applied' || acks[0].code) refused++;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      clearTimeout(snapshot);
      const timed = { frames: received.frames - atStart.frames, bytes: received.bytes - atStart.bytes };
      for (const c of channels) c.close();
      return { ingestPerS: total / seconds, ack: summarize(latencies), rawPerS, refused, total, warmNotes, received: timed };
    } finally {
      await killHard(server.child);
    }
  } finally {
    await db.drop().catch(() => undefined);
    stop();
  }
}

export const sync: Benchmark = {
  description: 'initial sync of 200k customers + 100k tasks into an empty console; 500 agents pushing outcomes on PostgreSQL',
  async run({ args, log }) {
    const customers = Number(option(args, 'customers') ?? 200_000);
    const tasks = Number(option(args, 'tasks') ?? 100_000);
    const agents = Number(option(args, 'agents') ?? 500);
    const perAgent = Number(option(args, 'outcomes') ?? 20);
    const runs = Number(option(args, 'initial-runs') ?? 3);
    const initial = await initialSync(customers, tasks, runs, log);
    log(`initial sync: median ${initial.initialS.toFixed(1)} s of ${runs} (${initial.runsS.map((r) => r.toFixed(1)).join(', ')}; raw bulk insert of the same rows: ${initial.rawS.toFixed(1)} s)`);
    const warmupS = Number(option(args, 'warmup-s') ?? 2);
    const teamSize = Number(option(args, 'team-size') ?? TEAM_SIZE);
    const listen = (option(args, 'listen') ?? '1') !== '0';
    const push = await ingest(agents, perAgent, warmupS * 1000, teamSize, listen, log);
    const fanOut = listen ? `; consoles listening in teams of ${teamSize}: ${push.received.frames} change messages, ${(push.received.bytes / 1e6).toFixed(0)} MB received` : '; consoles not listening';
    log(`ingest (after ${warmupS} s of warm-up, ${push.warmNotes} notes): ${Math.round(push.ingestPerS)} outcomes/s, p99 ack ${push.ack.p99.toFixed(0)} ms, raw insert ${Math.round(push.rawPerS)}/s, not applied cleanly: ${push.refused}${fanOut}`);
    const result = {
      machine: machineInfo(),
      initialSync: { customers, tasks, seconds: initial.initialS, runsSeconds: initial.runsS, goalSeconds: 15, rawBulkInsertSeconds: initial.rawS, ratioToRaw: initial.initialS / initial.rawS, arrived: initial.counts },
      ingest: { engine: 'postgres', agents, teamSize, listening: listen, changeMessagesReceived: push.received.frames, changeBytesReceived: push.received.bytes, outcomes: push.total, warmupSeconds: warmupS, warmupNotes: push.warmNotes, perSecond: push.ingestPerS, goalPerSecond: 2000, ackMs: push.ack, goalP99Ms: 250, rawInsertPerSecond: push.rawPerS, ratioToRaw: push.ingestPerS / push.rawPerS, notAppliedCleanly: push.refused },
    };
    writeResult('sync', result);
    console.log(`sync: initial_s=${initial.initialS.toFixed(2)} ingest_per_s=${Math.round(push.ingestPerS)} p99_ack_ms=${push.ack.p99.toFixed(0)} raw_insert_per_s=${Math.round(push.rawPerS)}`);
  },
};
