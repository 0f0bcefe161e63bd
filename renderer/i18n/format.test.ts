import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';

describe('formatters', () => {
  const en = createFormatters('en', 'Asia/Shanghai');
  const zh = createFormatters('zh-CN', 'Asia/Shanghai');

  it('turn minor units into money with the currency’s own decimals', () => {
    expect(en.money(129900, 'CNY')).toBe('CN¥1,299.00');
    expect(zh.money(129900, 'CNY')).toBe('¥1,299.00');
    expect(en.money(1500, 'JPY')).toBe('¥1,500');
    expect(en.money(-250, 'USD')).toBe('-$2.50');
  });

  it('keeps a row readable when the currency code is unknown', () => {
    expect(en.money(1000, 'XXZ')).toContain('XXZ');
  });

  it('groups by the agent’s local day, not the UTC day', () => {
    // 23:30 UTC on the 24th is 07:30 on the 25th in Shanghai.
    expect(en.dayKey('2026-11-24T23:30:00.000Z')).toBe('2026-11-25');
    expect(en.time('2026-11-24T23:30:00.000Z')).toBe('07:30');
  });

  it('writes dates in the UI language', () => {
    expect(zh.month('2026-10-05T02:00:00.000Z')).toBe('2026年10月');
    expect(en.month('2026-10-05T02:00:00.000Z')).toBe('October 2026');
  });
});
