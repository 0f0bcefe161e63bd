import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, parseConnectSrc } from './csp';

describe('content security policy', () => {
  it('allows scripts from the bundle only, and no plugins, frames or base rewrites', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets the page connect to itself and to the configured SIP server only', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['wss://pbx.example.cn:8089'] });
    expect(csp).toContain("connect-src 'self' wss://pbx.example.cn:8089;");
    expect(contentSecurityPolicy()).toContain("connect-src 'self' ws://127.0.0.1:* wss://127.0.0.1:*;");
  });

  it('allows inline scripts only for the Vite dev server', () => {
    expect(contentSecurityPolicy({ dev: true })).toMatch(/script-src 'self' 'unsafe-inline'/);
  });

  it('reads extra sources from a setting and refuses ones that are not network origins', () => {
    expect(parseConnectSrc(' wss://pbx.example.cn:8089, ws://127.0.0.1:* ')).toEqual(['wss://pbx.example.cn:8089', 'ws://127.0.0.1:*']);
    expect(parseConnectSrc('')).toBeUndefined();
    expect(() => parseConnectSrc("'unsafe-eval'")).toThrow(/connect-src: "'unsafe-eval'"/);
    expect(() => parseConnectSrc('wss://a.example; script-src *')).toThrow(/connect-src/);
    expect(() => parseConnectSrc('wss://a.example/;script-src')).toThrow(/connect-src/);
  });
});
