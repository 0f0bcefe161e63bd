import { describe, expect, it } from 'vitest';
import { MAX_EXCERPT, readCallerId, safeExcerpt } from './callerId';

const read = (raw: string) => readCallerId(raw, 'CN');

describe('readCallerId', () => {
  it.each([
    ['+8613800138000'],
    ['13800138000'],
    ['sip:+8613800138000@pbx.example.com;user=phone'],
    ['"张伟 (VIP customer with a rather long display name here)" <sip:+8613800138000@10.0.0.1:5060>;tag=as8f7'],
    ['<tel:+86-138-0013-8000>'],
    ['sip:%2B8613800138000@pbx'],
    ['"Anonymous" <sip:anonymous@anonymous.invalid>, <tel:+8613800138000>'],
  ])('reads %s as +8613800138000', (raw) => {
    expect(read(raw)).toEqual({ status: 'number', e164: '+8613800138000' });
  });

  it.each([[''], ['   '], ['anonymous'], ['"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1'], ['sip:restricted@pbx']])(
    'treats %j as a withheld number',
    (raw) => {
      expect(read(raw)).toEqual({ status: 'anonymous' });
    },
  );

  it('explains garbage without echoing it whole', () => {
    const result = read('x'.repeat(500));
    expect(result).toMatchObject({ status: 'invalid', reason: 'caller ID is too long to be a phone number' });
    expect(result.status === 'invalid' && result.raw.length).toBeLessThanOrEqual(MAX_EXCERPT);
  });

  it('tells a word from a number that does not exist', () => {
    expect(read('sip:reception@pbx')).toMatchObject({ status: 'invalid', raw: 'sip:reception@pbx', reason: 'caller ID is not a phone number' });
    expect(read('+86 123')).toMatchObject({ status: 'invalid', reason: 'caller ID is not a valid phone number' });
  });
});

describe('safeExcerpt', () => {
  it('replaces control and bidi characters so the panel shows what arrived, not what it pretends', () => {
    expect(safeExcerpt('abc\u202Egnp.exe\u0000\n')).toBe('abc\uFFFDgnp.exe\uFFFD');
  });

  it('cuts long non-ASCII text on a character boundary, within the limit', () => {
    const excerpt = safeExcerpt('😀'.repeat(100));
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
