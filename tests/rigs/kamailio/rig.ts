/**
 * Start and stop the Kamailio rig from Node (Playwright fixtures, scripts).
 *
 * Kamailio runs in the foreground of its own process group (`-DD -E`, no daemon), logs to
 * `<runDir>/kamailio.log`, listens on 127.0.0.1 only. Works in the root network namespace and
 * inside a netns (tests/rigs/netns/run-in-netns.sh) alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const KAMAILIO_CFG = join(here, 'kamailio.cfg');
export const REPO_ROOT = resolve(here, '../../..');

export interface KamailioOptions {
  /** SIP over WebSocket (ws://127.0.0.1:wsPort). Default 8088. */
  wsPort?: number;
  /** Plain SIP, UDP and TCP. Default 5060. */
  sipPort?: number;
  /** Pid file, log and runtime files. Default `.tmp/kamailio-<sipPort>`. */
  runDir?: string;
  /** Kamailio `debug` level: 1 warnings, 2 info (default), 3 debug. */
  logLevel?: number;
  /** How long to wait for the ports to accept. Default 10 s. */
  startTimeoutMs?: number;
}

export interface KamailioRig {
  readonly wsUrl: string;
  readonly wsPort: number;
  readonly sipPort: number;
  readonly runDir: string;
  readonly logFile: string;
  /** Pid of the running main process (undefined while stopped). */
  pid(): number | undefined;
  /** The log so far. */
  log(): string;
  stop(): Promise<void>;
  /** Stop, then start again on the same ports: every registration is lost (usrloc in memory). */
  restart(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a Kamailio behind: it would hold the ports (and keep a netns alive).
  process.once('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // our own process group (spawned detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function portAccepts(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startKamailio(options: KamailioOptions = {}): Promise<KamailioRig> {
  const wsPort = options.wsPort ?? 8088;
  const sipPort = options.sipPort ?? 5060;
  const runDir = resolve(options.runDir ?? join(REPO_ROOT, '.tmp', `kamailio-${sipPort}`));
  const logFile = join(runDir, 'kamailio.log');
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  mkdirSync(runDir, { recursive: true });
  writeFileSync(logFile, ''); // a fresh log per rig; restarts append to it
  installExitHook();

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    for (const port of [wsPort, sipPort]) {
      if (await portAccepts(port)) {
        throw new Error(
          `kamailio: 127.0.0.1:${port} is already in use (another rig still running? try tests/rigs/kamailio/stop.sh or another port)`,
        );
      }
    }
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
    const out = createWriteStream(logFile, { flags: 'a' });
    const args = [
      '-DD', '-E',
      '-f', KAMAILIO_CFG,
      '-A', `SIP_PORT=${sipPort}`,
      '-A', `WS_PORT=${wsPort}`,
      '-A', `LOG_LEVEL=${options.logLevel ?? 2}`,
      '-Y', runDir,
      '-P', join(runDir, 'kamailio.pid'),
      '-w', runDir,
      '-m', '32', '-M', '4',
    ];
    const proc = spawn('kamailio', args, { cwd: runDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.pipe(out, { end: false });
    proc.stderr?.pipe(out, { end: false });
    running.add(proc);
    child = proc;
    let exitCode: number | null | undefined;
    exited = new Promise<void>((done) => {
      proc.once('exit', (code) => {
        exitCode = code;
        running.delete(proc);
        setTimeout(() => {
          out.end();
          done();
        }, 50);
      });
      proc.once('error', (error) => {
        exitCode = -1;
        out.write(`spawn error: ${String(error)}\n`);
        running.delete(proc);
        out.end();
        done();
      });
    });

    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (exitCode !== undefined) break;
      if (await portAccepts(wsPort)) return;
      await sleep(50);
    }
    const tail = existsSync(logFile)
      ? readFileSync(logFile).subarray(logStart).toString('utf8').split('\n').filter((line) => /ERROR|CRITICAL|ALERT|error/.test(line)).slice(-15).join('\n')
      : '';
    killGroup(proc, 'SIGKILL');
    throw new Error(
      exitCode !== undefined
        ? `kamailio exited with code ${String(exitCode)} during start; log ${logFile}:\n${tail}`
        : `kamailio: ws port ${wsPort} did not accept within ${startTimeoutMs} ms; log ${logFile}:\n${tail}`,
    );
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
      child = undefined;
      await exited;
      return;
    }
    killGroup(proc, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
    if (timedOut) {
      killGroup(proc, 'SIGKILL');
      await exited;
    }
    child = undefined;
    // Children may outlive the main process by a moment: wait until the ports are free again.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && ((await portAccepts(wsPort)) || (await portAccepts(sipPort)))) await sleep(50);
  };

  await launch();

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    sipPort,
    runDir,
    logFile,
    pid: () => child?.pid,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
