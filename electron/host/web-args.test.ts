import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './web-args';

describe('web.ts command line', () => {
  it('has defaults for a plain start', () => {
    expect(parseWebArgs([])).toEqual({ port: 5170, db: '.data/huifang.db', region: 'CN', rendererDir: 'dist/renderer', dev: false, connectSrc: undefined, allowOrigins: [], sip: null, sync: null });
  });

  it('reads the documented options', () => {
    const args = parseWebArgs(['--port', '0', '--db', ':memory:', '--region', 'us', '--dev', '--connect-src', 'wss://pbx.example:8089']);
    expect(args).toMatchObject({ port: 0, db: ':memory:', region: 'US', dev: true, connectSrc: ['wss://pbx.example:8089'] });
    expect(parseWebArgs(['--followup-config', '/etc/huifang/followup.json']).followUpConfig).toBe('/etc/huifang/followup.json');
  });

  it('takes extra bridge origins for a separate Vite dev server', () => {
    expect(parseWebArgs(['--allow-origin', 'http://127.0.0.1:5173', '--allow-origin', 'http://localhost:5173']).allowOrigins).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:5173',
    ]);
  });

  it('takes the SIP server for the CSP from the environment', () => {
    expect(parseWebArgs([], { HUIFANG_CONNECT_SRC: 'ws://127.0.0.1:5066' }).connectSrc).toEqual(['ws://127.0.0.1:5066']);
  });

  it('pre-configures the softphone, password from the environment only, and lets the page reach its WebSocket', () => {
    const args = parseWebArgs(
      ['--sip-ws', 'ws://127.0.0.1:8088', '--sip-domain', 'huifang.test', '--sip-extension', '1001', '--sip-display-name', '坐席 1001', '--sip-wrap-up', '0'],
      { HUIFANG_SIP_PASSWORD: 'pass1001' },
    );
    expect(args.sip).toEqual({ wsUrl: 'ws://127.0.0.1:8088', domain: 'huifang.test', extension: '1001', displayName: '坐席 1001', wrapUpSec: 0, password: 'pass1001' });
    expect(args.connectSrc).toEqual(['ws://127.0.0.1:*', 'wss://127.0.0.1:*', 'ws://127.0.0.1:8088']);
  });

  it('adds the SIP WebSocket (its origin, whatever the path) to an explicit connect-src', () => {
    const args = parseWebArgs(['--connect-src', 'https://api.example', '--sip-ws', 'wss://pbx.example.cn:8089/ws', '--sip-domain', 'pbx.example.cn', '--sip-extension', '8001']);
    expect(args.connectSrc).toEqual(['https://api.example', 'wss://pbx.example.cn:8089']);
    expect(args.sip).toMatchObject({ password: undefined, displayName: undefined, wrapUpSec: undefined });
  });

  it('never takes the SIP password as a flag (it would show in ps)', () => {
    for (const argv of [['--sip-password', 'pass1001'], ['--sip-password=pass1001'], ['--sip-pass', 'x']]) {
      expect(() => parseWebArgs(argv)).toThrow(/^--sip-password: not accepted on the command line .*HUIFANG_SIP_PASSWORD/);
      // …and the refusal does not repeat it.
      expect(() => parseWebArgs(argv)).not.toThrow(/pass1001/);
    }
  });

  it.each([
    [['--sip-ws', 'ws://127.0.0.1:8088'], /^--sip-domain: required with --sip-ws/],
    [['--sip-ws', 'http://pbx', '--sip-domain', 'd', '--sip-extension', '1'], /^--sip-ws: must be a ws:\/\/ or wss:\/\/ address/],
    [['--sip-ws', 'ws://pbx', '--sip-domain', 'bad domain', '--sip-extension', '1'], /^--sip-domain: must be a SIP domain/],
    [['--sip-ws', 'ws://pbx', '--sip-domain', 'd', '--sip-extension', '1 0'], /^--sip-extension: letters, digits/],
    [['--sip-ws', 'ws://pbx', '--sip-domain', 'd', '--sip-extension', '1', '--sip-wrap-up', 'soon'], /^--sip-wrap-up: expected seconds/],
  ])('names the bad softphone option in %j', (argv, message) => {
    expect(() => parseWebArgs(argv)).toThrow(message);
  });

  it('refuses a SIP password with nothing to use it for, and an empty one', () => {
    expect(() => parseWebArgs([], { HUIFANG_SIP_PASSWORD: 'pass1001' })).toThrow(/^\$HUIFANG_SIP_PASSWORD is set but no --sip-ws/);
    expect(() => parseWebArgs(['--sip-ws', 'ws://pbx', '--sip-domain', 'd', '--sip-extension', '1'], { HUIFANG_SIP_PASSWORD: '' })).toThrow(
      /^\$HUIFANG_SIP_PASSWORD: expected 1 to 128 characters/,
    );
  });

  it.each([
    [['--port', 'http'], /^--port: expected a number/],
    [['--port', '70000'], /^--port/],
    [['--region', 'China'], /^--region: expected a two-letter region/],
    [['--connect-src', "'unsafe-eval'"], /^connect-src/],
    [['--prot', '1'], /Unknown option '--prot'/],
    [['--allow-origin', 'http://127.0.0.1:5173/'], /^--allow-origin: expected an origin/],
    [['--allow-origin', '*'], /^--allow-origin/],
  ])('names the bad option in %j', (argv, message) => {
    expect(() => parseWebArgs(argv)).toThrow(message);
  });

  it('signs in to a sync server on start, the password from the environment only', () => {
    const args = parseWebArgs(['--sync-server', 'http://127.0.0.1:8787', '--sync-user', '1001'], { HUIFANG_SYNC_PASSWORD: 'pass1001' });
    expect(args.sync).toEqual({ server: 'http://127.0.0.1:8787', username: '1001', password: 'pass1001' });
    // Without a password: a stored session is resumed, or the agent signs in from the pill.
    expect(parseWebArgs(['--sync-server', 'http://127.0.0.1:8787', '--sync-user', '1001']).sync).toEqual({ server: 'http://127.0.0.1:8787', username: '1001', password: undefined });
    expect(() => parseWebArgs(['--sync-password', 'x'])).toThrow(/HUIFANG_SYNC_PASSWORD instead/);
    expect(() => parseWebArgs(['--sync-pass=x'])).toThrow(/would show in ps/);
    expect(() => parseWebArgs(['--sync-server', 'http://127.0.0.1:8787'])).toThrow('--sync-user: required with --sync-server');
    expect(() => parseWebArgs(['--sync-user', '1001'])).toThrow('--sync-server: required with --sync-user');
    expect(() => parseWebArgs(['--sync-server', 'ftp://server', '--sync-user', '1001'])).toThrow(/--sync-server: must be an http/);
    expect(() => parseWebArgs([], { HUIFANG_SYNC_PASSWORD: 'pass1001' })).toThrow(/nothing to use it for/);
  });
});
