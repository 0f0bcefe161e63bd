import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../i18n/format';
import { makeEvent } from '../../testing/fixtures';
import { buildRows } from './historyRows';

const fmt = createFormatters('en', 'Asia/Shanghai');
const now = Date.parse('2026-11-25T04:00:00.000Z'); // 12:00 in Shanghai
const words = { today: 'Today', yesterday: 'Yesterday' };

describe('history rows', () => {
  it('groups recent events by day and older ones by month, newest first', () => {
    const events = [
      makeEvent('call', 'a', '2026-11-25T03:00:00.000Z'),
      makeEvent('note', 'b', '2026-11-25T01:00:00.000Z'),
      makeEvent('order', 'c', '2026-11-24T09:00:00.000Z'),
      makeEvent('ticket', 'd', '2026-11-20T09:00:00.000Z'),
      makeEvent('feedback', 'e', '2026-09-14T09:00:00.000Z'),
      makeEvent('followup', 'f', '2026-09-02T09:00:00.000Z'),
      makeEvent('call', 'g', '2025-12-31T20:00:00.000Z'), // Already 1 January 2026 in Shanghai.
    ];
    const rows = buildRows(events, fmt, now, words);
    expect(rows.map((r) => (r.type === 'header' ? `# ${r.label}` : r.event.id))).toEqual([
      '# Today · Wed, Nov 25',
      'a',
      'b',
      '# Yesterday · Tue, Nov 24',
      'c',
      '# Fri, Nov 20',
      'd',
      '# September 2026',
      'e',
      'f',
      '# January 2026',
      'g',
    ]);
  });

  it('gives every row a unique, stable key for the virtualizer', () => {
    const events = [makeEvent('call', 'a', '2026-11-25T03:00:00.000Z'), makeEvent('call', 'b', '2026-10-01T03:00:00.000Z')];
    const keys = buildRows(events, fmt, now, words).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(buildRows(events, fmt, now, words).map((r) => r.key)).toEqual(keys);
  });
});
