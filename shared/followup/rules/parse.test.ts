import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_INPUTS, BUILTIN_RULES } from './builtin';
import { loadRuleSet, parseRuleSet } from './parse';
import { ConfigError } from '../config-error';

const good = { id: 'r1', type: 'satisfaction_survey', trigger: { kind: 'order', status: ['delivered'] }, team: 'survey', scriptId: 's1' };

describe('rule validation', () => {
  it('accepts the built-in rules as a rules document and fills the defaults', () => {
    const parsed = parseRuleSet({ rules: BUILTIN_RULE_INPUTS });
    expect(parsed.ok).toBe(true);
    expect(BUILTIN_RULES.map((r) => r.type)).toEqual(
      expect.arrayContaining(['satisfaction_survey', 'complaint_care', 'onboarding_check', 'renewal_call', 'reactivation']),
    );
    const minimal = parseRuleSet({ rules: [good] });
    expect(minimal).toMatchObject({ ok: true, value: { policy: { cooldownDays: 7 }, rules: [{ enabled: true, delay: 'PT0S', dueWindow: 'P3D', priority: 3, surveyId: null, conditions: {} }] } });
  });

  it('accepts custom types', () => {
    expect(parseRuleSet({ rules: [{ ...good, type: 'warranty_expiry_call' }] }).ok).toBe(true);
  });

  it.each([
    ['a misspelt status', { ...good, trigger: { kind: 'order', status: ['delivred'] } }, 'rules[1].trigger.status[0]'],
    ['an unknown trigger kind', { ...good, trigger: { kind: 'orders' } }, 'rules[1].trigger.kind'],
    ['an unknown field', { ...good, id: 'r2', dealy: 'P1D' }, 'rules[1].dealy'],
    ['a month delay', { ...good, id: 'r2', delay: 'P1M' }, 'rules[1].delay'],
    ['a non-duration due window', { ...good, id: 'r2', dueWindow: '3 days' }, 'rules[1].dueWindow'],
    ['an order condition on a ticket rule', { ...good, id: 'r2', trigger: { kind: 'ticket' }, conditions: { skus: ['A'] } }, 'rules[1].conditions.skus'],
    ['an inverted value range', { ...good, id: 'r2', conditions: { orderValueMinor: { min: 500, max: 100 } } }, 'rules[1].conditions.orderValueMinor.min'],
    ['a lower-case currency', { ...good, id: 'r2', conditions: { orderValueMinor: { currency: 'cny' } } }, 'rules[1].conditions.orderValueMinor.currency'],
    ['priority 0', { ...good, id: 'r2', priority: 0 }, 'rules[1].priority'],
    ['a missing script', { id: 'r2', type: 'x', trigger: { kind: 'note' }, team: 't' }, 'rules[1].scriptId'],
    ['an upper-case type', { ...good, id: 'r2', type: 'Survey' }, 'rules[1].type'],
    ['a long rule id', { ...good, id: 'a-rule-id-that-is-far-too-long' }, 'rules[1].id'],
    ['a duplicate id', { ...good }, 'rules[1].id'],
    ['maxDays below days', { ...good, id: 'r2', trigger: { kind: 'inactivity', days: 90, maxDays: 30 } }, 'rules[1].trigger.maxDays'],
  ])('refuses %s, naming the field', (_what, bad, field) => {
    const parsed = parseRuleSet({ rules: [good, bad] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toContain(field);
  });

  it('refuses a bad policy', () => {
    const parsed = parseRuleSet({ policy: { cooldownDays: -1 }, rules: [] });
    expect(parsed).toMatchObject({ ok: false, errors: [{ field: 'policy.cooldownDays' }] });
  });

  it('throws a ConfigError whose message names the first bad field', () => {
    expect(() => loadRuleSet({ rules: [{ ...good, priority: 9 }] })).toThrow(ConfigError);
    expect(() => loadRuleSet({ rules: [{ ...good, priority: 9 }] })).toThrow(/rules\[0\]\.priority/);
  });
});
