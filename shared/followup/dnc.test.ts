import { describe, expect, it } from 'vitest';
import { assertDialable, buildDncList, checkDialable, EMPTY_DNC, NotDialableError } from './dnc';

describe('do-not-call', () => {
  const { list, rejected } = buildDncList(['+86 138 0013 8000', '(415) 555-2671', '12', 'not a number'], 'CN');

  it('keeps the entries it could read and returns the others', () => {
    // National entries are read in the list's region: (415) 555-2671 is a Chinese landline here.
    expect([...list.numbers].sort()).toEqual(['+8613800138000', '+864155552671']);
    expect(rejected).toEqual([
      { entry: '12', reason: 'invalid' },
      { entry: 'not a number', reason: 'not_a_number' },
    ]);
  });

  it.each(['13800138000', '+86-138-0013-8000', '0086 138 0013 8000', 'sip:+8613800138000@pbx;user=phone', 'tel:+86-138-0013-8000', '"张三" <sip:13800138000@10.0.0.1>'])(
    'refuses %s, however it is written',
    (raw) => {
      expect(checkDialable(raw, { list, defaultRegion: 'CN' })).toMatchObject({ ok: false, reason: 'on_dnc_list' });
      expect(() => assertDialable(raw, { list, defaultRegion: 'CN' })).toThrow(NotDialableError);
    },
  );

  it('returns the E.164 to dial for a number that is not listed', () => {
    expect(assertDialable('139 0013 9000', { list, defaultRegion: 'CN' })).toBe('+8613900139000');
  });

  it('refuses every number of a customer who asked not to be called', () => {
    const check = checkDialable('139 0013 9000', { list: EMPTY_DNC, defaultRegion: 'CN', customer: { doNotCall: true } });
    expect(check).toMatchObject({ ok: false, reason: 'customer_do_not_call' });
    try {
      assertDialable('139 0013 9000', { list: EMPTY_DNC, defaultRegion: 'CN', customer: { doNotCall: true } });
    } catch (error) {
      expect(error).toMatchObject({ name: 'NotDialableError', field: 'customer' });
    }
  });

  it('refuses what it cannot read: it could not prove the number is not listed', () => {
    expect(checkDialable('12', { list: EMPTY_DNC, defaultRegion: 'CN' })).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(checkDialable('anonymous', { list: EMPTY_DNC, defaultRegion: 'CN' })).toMatchObject({ ok: false, reason: 'invalid_number' });
  });
});
