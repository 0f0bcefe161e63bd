import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './web-args';

describe('web.ts command line', () => {
  it('has defaults for a plain start', () => {
    expect(parseWebArgs([])).toEqual({ port: 5170, db: '.data/huifang.db', region: 'CN', rendererDir: 'dist/renderer', dev: false, connectSrc: undefined, allowOrigins: [] });
  });

  it('reads the documented options', () => {
    const args = parseWebArgs(['--port', '0', '--db', ':memory:', '--region', 'us', '--dev', '--connect-src', 'wss://pbx.example:8089']);
    expect(args).toMatchObject({ port: 0, db: ':memory:', region: 'US', dev: true, connectSrc: ['wss://pbx.example:8089'] });
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
});
