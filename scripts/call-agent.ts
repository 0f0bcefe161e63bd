/**
 * Make the simulated customer phone call an agent — the demo's "call the console and watch the
 * screen-pop". Opens the customer phone (tests/rigs/customer-phone) in headless Chromium,
 * registers it as a customer extension and calls the agent with the given caller number.
 *
 *   npx tsx scripts/call-agent.ts                          # 2001 calls agent 1001 as +8613800138000
 *   npx tsx scripts/call-agent.ts --agent 1002 --caller +8613912345678 --name 李四 \
 *       --header X-Customer-Id=C-42 --dtmf 1# --hold 5 --talk 20
 *
 * Options:
 *   --agent <ext>        agent extension to call (default 1001)
 *   --caller <number>    caller number shown to the agent, the From user (default +8613800138000)
 *   --name <text>        caller name, the From display name (default none)
 *   --as <ext>           customer extension the phone registers as (default 2001; 2001–2020)
 *   --ws <url>           the rig's WebSocket (default ws://127.0.0.1:8088, or $RIG_WS_URL)
 *   --header Name=value  extra SIP header on the INVITE (repeatable)
 *   --ring <s>           give up (CANCEL) if not answered within s seconds (default 30)
 *   --dtmf <digits>      send these digits (SIP INFO) 1 s after the agent answers
 *   --hold <s>           put the agent on hold for s seconds after answering (and DTMF)
 *   --talk <s>           hang up s seconds after the answer (default: wait for the agent, max 600)
 *   --no-media           signalling only, no audio (the default outside a loopback-only netns)
 *   --headed             show the phone window (needs a display)
 *
 * Exit code 0 when the agent answered, 2 when not (busy, rejected, no answer), 1 on errors.
 * Audio needs the console and this script in one loopback-only network namespace
 * (tests/rigs/netns/run-in-netns.sh). Anywhere else the phone gathers no ICE candidates and
 * sends no media (Chromium would use the host's real interfaces): signalling and the
 * screen-pop still work over 127.0.0.1.
 */
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PhoneDriver } from '../tests/rigs/customer-phone/driver';
import { startPhoneServer } from '../tests/rigs/customer-phone/serve';

const { values } = parseArgs({
  options: {
    agent: { type: 'string', default: '1001' },
    caller: { type: 'string', default: '+8613800138000' },
    name: { type: 'string' },
    as: { type: 'string', default: '2001' },
    ws: { type: 'string', default: process.env.RIG_WS_URL ?? 'ws://127.0.0.1:8088' },
    header: { type: 'string', multiple: true, default: [] },
    ring: { type: 'string', default: '30' },
    dtmf: { type: 'string' },
    hold: { type: 'string' },
    talk: { type: 'string' },
    'no-media': { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(`call-agent: ${message}`);
  process.exit(1);
}

function seconds(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 600) fail(`--${name}: expected seconds 0–600, got ${JSON.stringify(raw)}`);
  return value;
}

if (values.help) {
  console.log('usage: npx tsx scripts/call-agent.ts [--agent 1001] [--caller +8613800138000] [--name 张三] [--as 2001]\n' +
    '  [--ws ws://127.0.0.1:8088] [--header Name=value]… [--ring 30] [--dtmf 123#] [--hold 5] [--talk 20] [--no-media] [--headed]');
  process.exit(0);
}

const headers: Record<string, string> = {};
for (const header of values.header) {
  const at = header.indexOf('=');
  if (at <= 0) fail(`--header: expected Name=value, got ${JSON.stringify(header)}`);
  headers[header.slice(0, at)] = header.slice(at + 1);
}
const ringS = seconds('ring', values.ring) ?? 30;
const holdS = seconds('hold', values.hold);
const talkS = seconds('talk', values.talk);
if (values.dtmf !== undefined && !/^[0-9A-D*#]+$/i.test(values.dtmf)) fail(`--dtmf: expected 0-9 * # A-D, got ${JSON.stringify(values.dtmf)}`);

const loopbackOnly = Object.values(networkInterfaces()).every((addresses) => (addresses ?? []).every((a) => a.internal));
const noMedia = values['no-media'] || !loopbackOnly;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stamp = () => new Date().toISOString().slice(11, 19);
const say = (message: string) => console.log(`${stamp()} ${message}`);

const server = await startPhoneServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: !values.headed });
const context = await PhoneDriver.newContext(browser);
let phone: PhoneDriver | undefined;

async function cleanup(): Promise<void> {
  await phone?.close();
  await browser.close().catch(() => undefined);
  await server.close();
}

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  say('interrupted: hanging up');
});

let exitCode = 1;
try {
  phone = await PhoneDriver.open(context, server.url, values.as);
  await phone.register({ wsUrl: values.ws, user: values.as, noMedia });
  say(`registered as ${values.as} via ${values.ws}`);
  if (noMedia) {
    say(loopbackOnly ? 'signalling only (--no-media)' : 'not in a loopback-only network namespace: signalling only, no audio (run via tests/rigs/netns/run-in-netns.sh for audio)');
  }

  await phone.call(values.agent, {
    fromUser: values.caller,
    ...(values.name !== undefined ? { fromDisplayName: values.name } : {}),
    headers,
  });
  say(`calling agent ${values.agent} as ${values.name ? `"${values.name}" ` : ''}<${values.caller}>`);

  const ringUntil = Date.now() + ringS * 1000;
  let state = await phone.state();
  while (state.call === 'calling' && Date.now() < ringUntil && !interrupted) {
    await sleep(100);
    state = await phone.state();
  }
  if (state.call === 'calling') {
    say(interrupted ? 'hanging up before the answer' : `no answer within ${ringS} s: hanging up`);
    await phone.hangup();
    exitCode = 2;
  } else if (state.call !== 'established') {
    const end = state.lastCallEnd;
    say(`not answered: ${end ? `${end.code} ${end.reason}` : state.call}`);
    exitCode = 2;
  } else {
    say('answered');
    exitCode = 0;
    const answeredAt = Date.now();
    const talkUntil = answeredAt + (talkS ?? 600) * 1000;
    const stillUp = async () => (await phone!.state()).call === 'established' && !interrupted;

    if (values.dtmf && (await stillUp())) {
      await sleep(1000);
      await phone.sendDtmf(values.dtmf);
      say(`sent DTMF ${values.dtmf}`);
    }
    if (holdS !== undefined && (await stillUp())) {
      await phone.hold();
      say(`holding for ${holdS} s`);
      const holdUntil = Date.now() + holdS * 1000;
      while (Date.now() < holdUntil && (await stillUp())) await sleep(200);
      if (await stillUp()) {
        await phone.unhold();
        say('resumed');
      }
    }
    let lastReport = 0;
    while (Date.now() < talkUntil && (await stillUp())) {
      if (Date.now() - lastReport >= 5000) {
        lastReport = Date.now();
        const stats = await phone.stats();
        say(`audio: received ${stats.inboundBytes} B, sent ${stats.outboundBytes} B${stats.candidatePair ? ` (${stats.candidatePair})` : ''}`);
      }
      await sleep(200);
    }
    state = await phone.state();
    if (state.call === 'established') {
      await phone.hangup();
      say(interrupted ? 'hung up' : `hung up after ${talkS ?? 600} s`);
    } else {
      say(`the agent ended the call${state.lastCallEnd ? ` (${state.lastCallEnd.reason})` : ''}`);
    }
  }
} catch (error) {
  console.error(`call-agent: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
