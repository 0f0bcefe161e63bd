import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillScript, PLACEHOLDERS, unknownPlaceholders } from './script';
import { customer, orderEvent, task, ticketEvent } from './testkit';

describe('fillScript', () => {
  it('fills customer, order and agent fields', () => {
    const filled = fillScript('您好{{customer.name}}，我是{{ agent.name }}。您的订单{{order.id}}（{{order.firstItem}}，{{order.amount}}）已送达。', {
      customer: customer(),
      event: orderEvent(),
      agent: { name: '小李' },
      locale: 'zh-CN',
    });
    expect(filled.text).toBe('您好张三，我是小李。您的订单O-1（电水壶，¥129.00）已送达。');
    expect(filled).toMatchObject({ unknown: [], missing: [], malformed: [] });
  });

  it('formats money by the currency’s own minor unit', () => {
    const yen = fillScript('{{order.amount}}', { customer: customer(), event: orderEvent({ payload: { amountMinor: 1500, currency: 'JPY' } }), locale: 'en' });
    expect(yen.text).toBe('¥1,500');
  });

  it('fills ticket fields and dates in the customer’s zone', () => {
    const filled = fillScript('{{ticket.subject}} ({{ticket.id}}) resolved {{ticket.resolvedAt}}', {
      customer: customer(),
      event: ticketEvent({ payload: { resolvedAt: '2026-06-14T17:30:00.000Z' } }),
      task: task(),
      locale: 'en',
      zone: 'Asia/Shanghai',
    });
    expect(filled.text).toBe('送货延迟 (T-1) resolved June 15, 2026');
  });

  it('never reads out an unknown placeholder, and reports it', () => {
    const filled = fillScript('您好{{custmer.name}}，感谢您。', { customer: customer() });
    expect(filled.text).toBe('您好，感谢您。');
    expect(filled.unknown).toEqual(['custmer.name']);
  });

  it('uses the fallback for a missing value, and reports the gap', () => {
    const filled = fillScript('{{customer.company|贵公司}}的订单{{order.id|}}', { customer: customer({ company: null }), event: ticketEvent() });
    expect(filled.text).toBe('贵公司的订单');
    expect(filled.missing).toEqual(['customer.company', 'order.id']);
    expect(filled.segments).toContainEqual({ placeholder: 'customer.company', value: '贵公司', filled: false });
  });

  it('drops broken braces instead of reading them out', () => {
    const filled = fillScript('您好{{customer.name，欢迎}}回来 {{', { customer: customer() });
    expect(filled.text).not.toMatch(/[{}]/);
    expect(filled.malformed.length).toBeGreaterThan(0);
  });

  it('does not mistake Object’s own properties for placeholders', () => {
    expect(fillScript('{{constructor}}{{toString}}', { customer: customer() })).toMatchObject({ text: '', unknown: ['constructor', 'toString'] });
    expect(unknownPlaceholders('{{customer.name}} {{order.idd}} {{__proto__}}')).toEqual(['order.idd', '__proto__']);
  });

  it('whatever the template, the text read aloud has no braces (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('{{', '}}', '{', '}', '|', ...Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`), '{{nope}}', '{{ customer.name | x }}'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const { text } = fillScript(pieces.join(''), { customer: customer({ name: '王五' }), event: orderEvent() });
        expect(text).not.toMatch(/\{\{|\}\}/);
      }),
    );
  });
});
