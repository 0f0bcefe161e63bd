/**
 * scripts/call-agent.ts — the demo's "customer calls the console" — does what it says: the agent
 * sees the caller number, name and headers, receives the DTMF, and the script hangs up.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from '../../rigs/kamailio/rig';

test('call-agent.ts calls an agent with the given caller id, DTMF and hang-up', async ({ phones, kamailio }) => {
  const agent = await phones.open('1004', { autoAnswer: true });
  const args = [
    join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(REPO_ROOT, 'scripts', 'call-agent.ts'),
    '--agent', '1004',
    '--as', '2011',
    '--caller', '+8613912345678',
    '--name', '李四',
    '--header', 'X-Customer-Id=C-7',
    '--ws', kamailio.wsUrl,
    '--dtmf', '5#',
    '--talk', '2',
  ];
  const script = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  script.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  script.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => script.once('close', resolve));

  expect(code, output).toBe(0);
  expect(output).toContain('answered');
  const state = await agent.state();
  expect(state.incoming).toMatchObject({
    fromUser: '+8613912345678',
    fromDisplayName: '李四',
    headers: { 'x-customer-id': 'C-7' },
  });
  expect(state.receivedDtmf).toBe('5#');
  expect(state.call).toBe('terminated');
  expect(state.lastCallEnd).toMatchObject({ by: 'remote' });
});
