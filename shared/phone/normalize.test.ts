import { describe, expect, it } from 'vitest';
import { formatPhone, looksLikePhone, normalizePhone, soleRegionOf } from './normalize';

describe('normalizePhone', () => {
  it.each([
    '138 0013 8000',
    '+86-138-0013-8000',
    '13800138000',
    '0086 138 0013 8000',
    '+86 (138) 0013-8000',
    'sip:+8613800138000@pbx.example;user=phone',
    '"Zhang San" <sip:13800138000@10.0.0.1>',
    'tel:+86-138-0013-8000',
  ])('reads %s as +8613800138000', (raw) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ ok: true, e164: '+8613800138000', region: 'CN' });
  });

  it('keeps foreign numbers in their own region', () => {
    expect(normalizePhone('+1 415 555 2671', 'CN')).toEqual({ ok: true, e164: '+14155552671', region: 'US' });
  });

  it('uses the configured default region for national formats', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toMatchObject({ ok: true, e164: '+14155552671' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['anonymous', 'anonymous'],
    ['sip:anonymous@anonymous.invalid', 'anonymous'],
    ['x'.repeat(500), 'too_long'],
    ['张三', 'not_a_number'],
    ['DROP TABLE customers', 'not_a_number'],
    ['12', 'invalid'],
    ['+86 999', 'invalid'],
  ])('rejects %j as %s', (raw, reason) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ ok: false, reason });
  });
});

describe('looksLikePhone', () => {
  it('tells numbers from names', () => {
    expect(looksLikePhone('138 0013 8000')).toBe(true);
    expect(looksLikePhone('+86-138-0013-8000')).toBe(true);
    expect(looksLikePhone('王芳')).toBe(false);
    expect(looksLikePhone('Alice 2')).toBe(false);
  });
});

describe('formatPhone', () => {
  it('shows home numbers nationally and foreign ones internationally', () => {
    expect(formatPhone('+8613800138000', 'CN')).toBe('138 0013 8000');
    expect(formatPhone('+14155552671', 'CN')).toBe('+1 415 555 2671');
  });
});

describe('soleRegionOf', () => {
  it('names the country of a calling code only one country uses', () => {
    expect(soleRegionOf('+8613800138000')).toBe('CN');
    expect(soleRegionOf('+85291234567')).toBe('HK');
    expect(soleRegionOf('+48601234567')).toBe('PL');
    expect(soleRegionOf('+358401234567')).toBeNull(); // Finland and the Åland Islands
  });

  it('gives no answer for shared codes, non-geographic codes and non-E.164 text', () => {
    expect(soleRegionOf('+14155552671')).toBeNull();
    expect(soleRegionOf('+447911123456')).toBeNull();
    expect(soleRegionOf('+78001234567')).toBeNull();
    expect(soleRegionOf('+80012345678')).toBeNull();
    expect(soleRegionOf('13800138000')).toBeNull();
    expect(soleRegionOf('+86 138 0013 8000')).toBeNull();
  });

  it('agrees with a full parse on every valid number it answers for', () => {
    const samples = ['+8613800138000', '+81312345678', '+33612345678', '+4915112345678', '+6581234567', '+85261234567', '+919876543210', '+5511912345678'];
    for (const n of samples) {
      const full = normalizePhone(n, 'CN');
      expect(full.ok, n).toBe(true);
      expect(soleRegionOf(n), n).toBe(full.ok ? full.region : null);
    }
  });
});
