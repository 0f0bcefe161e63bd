import { describe, expect, it } from 'vitest';
import { callerIdFromHeaders, displayNameOf } from './caller-id';

const headersOf = (h: Record<string, string>) => (name: string) => h[name];

describe('callerIdFromHeaders', () => {
  it('prefers P-Asserted-Identity over From', () => {
    const input = callerIdFromHeaders(headersOf({ from: '<sip:anonymous@x>', 'p-asserted-identity': '<sip:+8613800138000@pbx>' }));
    expect(input.raw).toBe('<sip:+8613800138000@pbx>');
  });

  it('falls back to From and forwards X-Customer-Id for the host to honour', () => {
    const input = callerIdFromHeaders(headersOf({ from: '"王芳" <sip:13800138000@pbx>;tag=1', 'x-customer-id': 'c_42' }));
    expect(input).toEqual({ raw: '"王芳" <sip:13800138000@pbx>;tag=1', headers: { from: '"王芳" <sip:13800138000@pbx>;tag=1', 'x-customer-id': 'c_42' } });
  });

  it('cuts absurdly long headers instead of passing them on', () => {
    expect(callerIdFromHeaders(headersOf({ from: 'x'.repeat(5000) })).raw).toHaveLength(2000);
  });
});

describe('displayNameOf', () => {
  it('reads quoted, bare and missing display names', () => {
    expect(displayNameOf('"Zhang \\"San\\"" <sip:1@x>')).toBe('Zhang "San"');
    expect(displayNameOf('王芳 <sip:1@x>')).toBe('王芳');
    expect(displayNameOf('<sip:1@x>')).toBeNull();
    expect(displayNameOf('sip:1@x')).toBeNull();
  });
});
