import { parseArgs } from 'node:util';
import { SoftphoneSettings } from '../../shared/api';
import { LoginInput } from '../../shared/api/sync';
import { DEFAULT_CONNECT_SRC, parseConnectSrc } from './csp';

/** The softphone pre-configured from the command line (demo, tests); see `--sip-*`. */
export interface SipPreset {
  wsUrl: string;
  domain: string;
  extension: string;
  displayName: string | undefined;
  /** After-call work limit in seconds (0: no wrap-up); undefined keeps the stored value. */
  wrapUpSec: number | undefined;
  /** From $HUIFANG_SIP_PASSWORD only: a flag would show in `ps`. Undefined keeps the stored one. */
  password: string | undefined;
}

/** The console signed in to a sync server from the command line (demo, tests); see `--sync-*`. */
export interface SyncPreset {
  server: string;
  username: string;
  /** From $HUIFANG_SYNC_PASSWORD only. Undefined: resume a stored session, or wait for a sign-in from the pill. */
  password: string | undefined;
}

export interface WebArgs {
  port: number;
  db: string;
  region: string;
  rendererDir: string;
  dev: boolean;
  connectSrc: string[] | undefined;
  /** Other page origins allowed to open the bridge (a separate Vite dev server proxying /bridge). */
  allowOrigins: string[];
  /** Softphone settings to save on start (sealed password), or null to leave the stored ones. */
  sip: SipPreset | null;
  /** The sync server to sign in to on start, or null to leave the console's session as it is. */
  sync: SyncPreset | null;
  /** --followup-config as given (web.ts falls back to $HUIFANG_FOLLOWUP_CONFIG, then the machine-wide file). */
  followUpConfig: string | undefined;
}

/** The environment variable carrying the SIP password for `--sip-*`. */
export const SIP_PASSWORD_ENV = 'HUIFANG_SIP_PASSWORD';
/** The environment variable carrying the sync password for `--sync-*`. */
export const SYNC_PASSWORD_ENV = 'HUIFANG_SYNC_PASSWORD';

export const WEB_USAGE = `usage: tsx electron/host/web.ts [--port 5170] [--db .data/huifang.db] [--region CN]
                             [--renderer dist/renderer] [--dev] [--connect-src "wss://pbx:8089 …"]
                             [--allow-origin http://127.0.0.1:5173] [--followup-config /etc/huifang/followup.json]
                             [--sip-ws ws://127.0.0.1:8088 --sip-domain huifang.test --sip-extension 1001
                              [--sip-display-name "Agent 1001"] [--sip-wrap-up 60]]
                             [--sync-server http://127.0.0.1:8787 --sync-user 1001]
  --port         port on 127.0.0.1 (0 picks a free one)
  --db           SQLite file, created with its folder when missing (":memory:" for a throwaway host)
  --region       two-letter region for numbers typed without a country code
  --renderer     the built renderer (npx vite build)
  --dev          serve the renderer from source through Vite, with hot reload
  --connect-src  extra CSP connect-src sources, e.g. the SIP server (default: $HUIFANG_CONNECT_SRC)
  --allow-origin another page origin that may open the bridge, e.g. \`npx vite\` proxying /bridge here
                 (repeatable; the page still needs the token: open it with #token=… from the URL above)
  --followup-config  the follow-up settings file (dispositions, surveys, scripts, calling windows, retry
                 policy, do-not-call list; docs/followup.md). Default: $HUIFANG_FOLLOWUP_CONFIG, else the
                 machine-wide /etc/huifang/followup.json if present, else the built-ins. A bad file stops
                 the console with the field named
  --sip-ws, --sip-domain, --sip-extension, --sip-display-name, --sip-wrap-up (seconds, 0 = none)
                 pre-configure the softphone (saved on start; the WebSocket is added to connect-src).
                 The password comes from $HUIFANG_SIP_PASSWORD, never from a flag; unset keeps the
                 stored one
  --sync-server, --sync-user
                 sign in to this sync server as this user on start (a session for the same server
                 and user is resumed instead). The password comes from $HUIFANG_SYNC_PASSWORD, never
                 from a flag. An unreachable server leaves the console working offline`;

/** Reads the command line; throws an Error naming the bad option (the caller prints it with the usage). */
export function parseWebArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): WebArgs {
  for (const arg of argv) {
    if (/^--sip-pass(word)?(=|$)/.test(arg)) {
      throw new Error(`--sip-password: not accepted on the command line (it would show in ps); set $${SIP_PASSWORD_ENV} instead`);
    }
    if (/^--sync-pass(word)?(=|$)/.test(arg)) {
      throw new Error(`--sync-password: not accepted on the command line (it would show in ps); set $${SYNC_PASSWORD_ENV} instead`);
    }
  }
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '5170' },
      db: { type: 'string', default: '.data/huifang.db' },
      region: { type: 'string', default: 'CN' },
      renderer: { type: 'string', default: 'dist/renderer' },
      dev: { type: 'boolean', default: false },
      'connect-src': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'sip-ws': { type: 'string' },
      'sip-domain': { type: 'string' },
      'sip-extension': { type: 'string' },
      'sip-display-name': { type: 'string' },
      'sip-wrap-up': { type: 'string' },
      'followup-config': { type: 'string' },
      'sync-server': { type: 'string' },
      'sync-user': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) throw new Error(`--port: expected a number from 0 to 65535, got "${values.port}"`);
  if (!/^[A-Za-z]{2}$/.test(values.region)) throw new Error(`--region: expected a two-letter region such as CN, got "${values.region}"`);
  if (values.db.trim() === '') throw new Error('--db: expected a file path or :memory:');
  const allowOrigins = values['allow-origin'].map(checkedOrigin);
  const sip = sipPreset(values, env[SIP_PASSWORD_ENV]);
  let connectSrc = parseConnectSrc(values['connect-src'] ?? env.HUIFANG_CONNECT_SRC);
  // The page must be allowed to open the SIP WebSocket it is configured for.
  if (sip) connectSrc = [...new Set([...(connectSrc ?? DEFAULT_CONNECT_SRC), new URL(sip.wsUrl).origin.replace(/^http/, 'ws')])];
  return {
    port,
    db: values.db,
    region: values.region.toUpperCase(),
    rendererDir: values.renderer,
    dev: values.dev,
    connectSrc,
    allowOrigins,
    sip,
    sync: syncPreset(values['sync-server'], values['sync-user'], env[SYNC_PASSWORD_ENV]),
    followUpConfig: values['followup-config'],
  };
}

function syncPreset(server: string | undefined, username: string | undefined, password: string | undefined): SyncPreset | null {
  if (server === undefined && username === undefined) {
    if (password !== undefined) throw new Error(`$${SYNC_PASSWORD_ENV} is set but no --sync-server/--sync-user: nothing to use it for`);
    return null;
  }
  if (server === undefined) throw new Error('--sync-server: required with --sync-user');
  if (username === undefined) throw new Error('--sync-user: required with --sync-server');
  // The sign-in dialog's own rules; the password is checked by the server, only its presence here.
  const checked = LoginInput.shape.server.safeParse(server);
  if (!checked.success) throw new Error(`--sync-server: ${checked.error.issues[0]?.message ?? 'invalid'}, got "${server.slice(0, 80)}"`);
  const user = LoginInput.shape.username.safeParse(username);
  if (!user.success) throw new Error(`--sync-user: ${user.error.issues[0]?.message ?? 'invalid'}, got "${username.slice(0, 80)}"`);
  if (password !== undefined && (password.length === 0 || password.length > 200)) throw new Error(`$${SYNC_PASSWORD_ENV}: expected 1 to 200 characters`);
  return { server: checked.data, username: user.data, password };
}

const SIP_FLAGS = ['sip-ws', 'sip-domain', 'sip-extension', 'sip-display-name', 'sip-wrap-up'] as const;
type SipValues = Partial<Record<(typeof SIP_FLAGS)[number], string>>;

function sipPreset(values: SipValues, password: string | undefined): SipPreset | null {
  const given = SIP_FLAGS.filter((name) => values[name] !== undefined);
  if (given.length === 0) {
    if (password !== undefined) throw new Error(`$${SIP_PASSWORD_ENV} is set but no --sip-ws/--sip-domain/--sip-extension: nothing to use it for`);
    return null;
  }
  const missing = (['sip-ws', 'sip-domain', 'sip-extension'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`--${missing[0]}: required with ${given.map((n) => `--${n}`).join(', ')}`);
  const checked = (flag: string, field: 'wsUrl' | 'domain' | 'extension' | 'displayName', value: string): string => {
    const result = SoftphoneSettings.shape[field].safeParse(value);
    if (!result.success) throw new Error(`--${flag}: ${result.error.issues[0]?.message ?? 'invalid'}, got "${value.slice(0, 80)}"`);
    return result.data;
  };
  const wsUrl = checked('sip-ws', 'wsUrl', values['sip-ws'] ?? '');
  try {
    new URL(wsUrl);
  } catch {
    throw new Error(`--sip-ws: not a valid address, got "${wsUrl.slice(0, 80)}"`);
  }
  if (password !== undefined && (password.length === 0 || password.length > 128)) {
    throw new Error(`$${SIP_PASSWORD_ENV}: expected 1 to 128 characters`);
  }
  const displayName = values['sip-display-name'];
  const wrapUp = values['sip-wrap-up'];
  if (wrapUp !== undefined && (!/^\d{1,4}$/.test(wrapUp) || Number(wrapUp) > 3600)) {
    throw new Error(`--sip-wrap-up: expected seconds from 0 to 3600, got "${wrapUp.slice(0, 20)}"`);
  }
  return {
    wsUrl,
    domain: checked('sip-domain', 'domain', values['sip-domain'] ?? ''),
    extension: checked('sip-extension', 'extension', values['sip-extension'] ?? ''),
    displayName: displayName === undefined ? undefined : checked('sip-display-name', 'displayName', displayName),
    wrapUpSec: wrapUp === undefined ? undefined : Number(wrapUp),
    password,
  };
}

/** An origin exactly as a browser sends it: scheme://host[:port], nothing else. */
function checkedOrigin(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text) {
    throw new Error(`--allow-origin: expected an origin such as http://127.0.0.1:5173, got "${text}"`);
  }
  return text;
}
