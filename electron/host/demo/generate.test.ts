import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { HistoryEvent } from '../../../shared/domain';
import { demoRecords } from './generate';
import { KNOWN, KNOWN_CUSTOMER_COUNT } from './known';
import type { DemoRecord } from './record';

const made = new Map<string, DemoRecord[]>();
/** Generated once per (seed, size) for the whole file: generation is the slow part of these tests. */
const take = (seed: number, customers: number) => {
  const key = `${seed}/${customers}`;
  const records = made.get(key) ?? [...demoRecords({ customers, seed })];
  made.set(key, records);
  return records;
};

describe('demo generator', () => {
  it('makes the same data from the same seed, and other data from another seed', () => {
    const a = take(5, 3_000).slice(0, 1_200);
    expect(JSON.stringify([...demoRecords({ customers: 1_200, seed: 5 })])).toBe(JSON.stringify(a));
    const b = take(43, 1_200);
    expect(b.slice(KNOWN_CUSTOMER_COUNT).map((r) => r.customer.name)).not.toEqual(a.slice(KNOWN_CUSTOMER_COUNT).map((r) => r.customer.name));
  });

  it('makes exactly the number of customers asked for, the well-known ones included', () => {
    const records = take(5, 3_000);
    expect(records).toHaveLength(3_000);
    expect(new Set(records.map((r) => r.customer.id)).size).toBe(3_000);
    expect(take(43, 1_200)).toHaveLength(1_200);
    expect(records.map((r) => r.customer.id)).toEqual(expect.arrayContaining([KNOWN.zhangWei.id, KNOWN.longHistory.id, KNOWN.english.id]));
  });

  it('gives every customer valid E.164 numbers, exactly one of them primary', () => {
    for (const { customer, phones } of take(5, 3_000)) {
      expect(phones.filter((p) => p.isPrimary), customer.id).toHaveLength(1);
      for (const { e164 } of phones) expect(parsePhoneNumberFromString(e164)?.isValid() && parsePhoneNumberFromString(e164)?.number, e164).toBe(e164);
    }
  });

  it('mixes Chinese mobiles, landlines and foreign numbers, with some customers on several numbers', () => {
    const phones = take(5, 3_000).flatMap((r) => r.phones.map((p) => p.e164));
    expect(phones.filter((n) => /^\+861[3-9]/.test(n)).length / phones.length).toBeGreaterThan(0.7);
    for (const prefix of ['+8610', '+1', '+44', '+852', '+65']) expect(phones.some((n) => n.startsWith(prefix)), prefix).toBe(true);
    expect(phones.length).toBeGreaterThan(3_300);
  });

  it('has lines shared by two customers besides the well-known one, and no other accidental sharing', () => {
    const owners = new Map<string, string[]>();
    for (const { customer, phones } of take(5, 3_000)) for (const p of phones) owners.set(p.e164, [...(owners.get(p.e164) ?? []), customer.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    expect(shared.every(([, ids]) => ids.length === 2)).toBe(true);
    expect(owners.get(KNOWN.sharedLine.e164)).toEqual(KNOWN.sharedLine.customers.map((c) => c.id));
    expect(owners.has(KNOWN.unknownNumber)).toBe(false);
  });

  it('writes histories of every kind that fit the domain schemas, with mixed Chinese and English names', () => {
    const records = take(5, 3_000);
    const events = records.flatMap((r) => r.events);
    expect(events.every((e) => HistoryEvent.safeParse(e).success)).toBe(true);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['call', 'ticket', 'order', 'followup', 'feedback', 'note']));
    expect(records.some((r) => /^[\u4e00-\u9fff]{2,4}$/.test(r.customer.name))).toBe(true);
    expect(records.some((r) => /^[A-Z][a-z]+ [A-Z]/.test(r.customer.name))).toBe(true);
    const generated = records.slice(KNOWN_CUSTOMER_COUNT);
    const average = generated.reduce((n, r) => n + r.events.length, 0) / generated.length;
    expect(average).toBeGreaterThan(3);
    expect(average).toBeLessThan(6);
  });

  it('gives about one customer in ten a follow-up task of the known types', () => {
    const tasks = take(5, 3_000).flatMap((r) => r.tasks);
    expect(tasks.length).toBeGreaterThan(200);
    expect(tasks.length).toBeLessThan(400);
    const types = new Set(tasks.map((t) => t.type));
    for (const type of ['satisfaction_survey', 'complaint_care', 'reactivation', 'onboarding_check', 'renewal_call']) expect(types).toContain(type);
  });

  it('gives the long-history customer exactly 10,000 events', () => {
    const long = take(5, 3_000).find((r) => r.customer.id === KNOWN.longHistory.id);
    expect(long?.events).toHaveLength(KNOWN.longHistory.events);
  });
});
