import { describe, expect, it } from 'vitest';
import { canCallAt, CallingCalendar, DEFAULT_CALENDAR, nextAllowedTime, parseCallingCalendar } from './windows';

const SH = 'Asia/Shanghai';
const everyDay = (...ranges: string[]) =>
  CallingCalendar.parse({ weekly: { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges } });

describe('calling windows, default calendar (Mon–Sat 09–12, 14–20)', () => {
  it.each([
    ['2026-06-15T01:00:00.000Z', true, 'Monday 09:00 Shanghai'],
    ['2026-06-15T00:59:59.999Z', false, 'a millisecond before 09:00'],
    ['2026-06-15T04:00:00.000Z', false, 'Monday 12:00 (end is exclusive)'],
    ['2026-06-15T05:30:00.000Z', false, 'lunch'],
    ['2026-06-15T11:59:00.000Z', true, 'Monday 19:59'],
    ['2026-06-14T03:00:00.000Z', false, 'Sunday 11:00'],
  ])('%s → %s (%s)', (at, expected) => {
    expect(canCallAt(at, SH)).toBe(expected);
  });

  it('the same instant is callable in Shanghai and not in New York', () => {
    expect(canCallAt('2026-06-15T02:00:00.000Z', SH)).toBe(true);
    expect(canCallAt('2026-06-15T02:00:00.000Z', 'America/New_York')).toBe(false); // Sunday 22:00 there
  });

  it.each([
    ['2026-06-15T04:30:00.000Z', '2026-06-15T06:00:00.000Z', 'lunch → 14:00'],
    ['2026-06-15T12:00:00.000Z', '2026-06-16T01:00:00.000Z', 'evening → next morning'],
    ['2026-06-13T12:00:00.000Z', '2026-06-15T01:00:00.000Z', 'Saturday evening → Monday 09:00'],
    ['2026-06-15T02:00:00.000Z', '2026-06-15T02:00:00.000Z', 'already callable → itself'],
  ])('nextAllowedTime(%s) = %s (%s)', (at, next) => {
    expect(nextAllowedTime(at, SH)).toBe(next);
  });

  it('skips holidays in the customer’s local date', () => {
    const calendar = CallingCalendar.parse({ weekly: { mon: ['09:00-12:00'], tue: ['09:00-12:00'] }, holidays: ['2026-06-15'] });
    expect(canCallAt('2026-06-15T02:00:00.000Z', SH, calendar)).toBe(false);
    expect(nextAllowedTime('2026-06-14T20:00:00.000Z', SH, calendar)).toBe('2026-06-16T01:00:00.000Z');
  });

  it('returns null when the calendar has no windows', () => {
    expect(nextAllowedTime('2026-06-15T02:00:00.000Z', SH, CallingCalendar.parse({ weekly: {} }))).toBeNull();
  });

  it('refuses an unknown zone by name', () => {
    expect(() => canCallAt('2026-06-15T02:00:00.000Z', 'Mars/Olympus', DEFAULT_CALENDAR)).toThrow(/zone/);
  });
});

describe('calling windows on DST days', () => {
  const NY = 'America/New_York';

  it('a 09:00 window starts at 09:00 local on both sides of the spring-forward day', () => {
    const cal = everyDay('09:00-12:00');
    expect(nextAllowedTime('2026-03-07T18:00:00.000Z', NY, cal)).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(nextAllowedTime('2026-03-07T00:00:00.000Z', NY, cal)).toBe('2026-03-07T14:00:00.000Z'); // 09:00 EST
    expect(nextAllowedTime('2026-03-28T12:00:00.000Z', 'Europe/London', cal)).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    expect(nextAllowedTime('2026-04-04T12:00:00.000Z', 'Australia/Sydney', cal)).toBe('2026-04-04T23:00:00.000Z'); // 09:00 AEST, 5 Apr
  });

  it('a window starting inside the spring-forward gap opens when the clock jumps, not an hour late', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT; a 02:30 start is reached at the jump (07:00Z), 03:00 EDT.
    const cal = everyDay('02:30-04:00');
    expect(canCallAt('2026-03-08T06:59:00.000Z', NY, cal)).toBe(false);
    expect(nextAllowedTime('2026-03-08T06:00:00.000Z', NY, cal)).toBe('2026-03-08T07:00:00.000Z');
  });

  it('a window starting in the repeated hour opens at its first occurrence', () => {
    // 2026-11-01 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
    expect(nextAllowedTime('2026-11-01T05:00:00.000Z', NY, everyDay('01:30-03:00'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('falling back into a window opens it at the jump', () => {
    // 01:45 EDT is after 00:30–01:30; at 06:00Z the clock shows 01:00 EST, inside it again.
    const cal = everyDay('00:30-01:30');
    expect(canCallAt('2026-11-01T05:45:00.000Z', NY, cal)).toBe(false);
    expect(nextAllowedTime('2026-11-01T05:45:00.000Z', NY, cal)).toBe('2026-11-01T06:00:00.000Z');
  });
});

describe('calendar validation', () => {
  it.each([
    [{ weekly: { mon: ['9:00-12:00'] } }, 'weekly.mon[0]'],
    [{ weekly: { mon: ['12:00-09:00'] } }, 'weekly.mon[0]'],
    [{ weekly: { mon: ['09:00-12:00', '11:00-13:00'] } }, 'weekly.mon'],
    [{ weekly: { monday: ['09:00-12:00'] } }, 'weekly.monday'],
    [{ weekly: {}, holidays: ['2026-13-01'] }, 'holidays[0]'],
    [{}, 'weekly'],
  ])('refuses %j naming %s', (input, field) => {
    const parsed = parseCallingCalendar(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toContain(field);
  });

  it('accepts 24:00 as an end', () => {
    const cal = everyDay('20:00-24:00');
    expect(canCallAt('2026-06-15T15:59:00.000Z', SH, cal)).toBe(true);
    expect(canCallAt('2026-06-15T16:00:00.000Z', SH, cal)).toBe(false);
  });
});
