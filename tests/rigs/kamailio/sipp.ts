/**
 * Run a sipp scenario (tests/rigs/kamailio/sipp/*.xml) against the rig, asynchronously.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIPP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'sipp');

export interface SippRun {
  /** sipp's exit code: 0 all calls succeeded, 1 some failed, 97/99 aborted, 255 fatal. */
  code: number | null;
  /** The SIP messages sent and received (-trace_msg). */
  messages: string;
  stdout: string;
  stderr: string;
  /** Status codes of the responses sipp received, in order. */
  responses: number[];
}

export interface SippOptions {
  /** Scenario file name under tests/rigs/kamailio/sipp/. */
  scenario: string;
  /** The proxy's SIP (UDP) port on 127.0.0.1. */
  proxyPort: number;
  /** sipp's own UDP port on 127.0.0.1. */
  localPort: number;
  /** Request-URI user ([service]). */
  service: string;
  /** -key name value pairs ([name] in the scenario). */
  keys?: Record<string, string>;
  /** Where the message trace goes. */
  runDir: string;
  /** A name for the trace file. */
  name: string;
  /** Global timeout in seconds. Default 15. */
  timeoutS?: number;
}

export function runSipp(options: SippOptions): Promise<SippRun> {
  const messageFile = join(options.runDir, `sipp-${options.name}-messages.log`);
  rmSync(messageFile, { force: true });
  const args = [
    '-sf', join(SIPP_DIR, options.scenario),
    '-s', options.service,
    '-i', '127.0.0.1',
    '-p', String(options.localPort),
    '-m', '1',
    '-timeout', `${options.timeoutS ?? 15}s`,
    '-timeout_error',
    '-nostdin',
    '-trace_msg', '-message_file', messageFile,
    ...Object.entries(options.keys ?? {}).flatMap(([name, value]) => ['-key', name, value]),
    `127.0.0.1:${options.proxyPort}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('sipp', args, { cwd: options.runDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const messages = existsSync(messageFile) ? readFileSync(messageFile, 'utf8') : '';
      const responses = [...messages.matchAll(/^SIP\/2\.0 (\d{3}) /gm)].map((m) => Number(m[1]));
      resolve({ code, messages, stdout, stderr, responses });
    });
  });
}
