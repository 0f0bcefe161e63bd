import { describe, expect, it } from 'vitest';
import { LiveServerMessage, type Change } from '../../shared/sync';
import { changesFrames } from './frames';

const at = '2026-12-01T02:00:00.000Z';
const history = (seq: number, text: string): Change => ({
  domain: 'history',
  seq,
  event: { id: `ev-${seq}`, customerId: 'cus-1', kind: 'note', occurredAt: at, summary: text, payload: { text, author: null } },
});

describe('changesFrames', () => {
  it('writes exactly what JSON.stringify of the message gives, and the console reads it back', () => {
    const changes = [history(7, '客户满意 "ok" \\ \u2028'), history(9, 'second')];
    const frame = changesFrames(12)(changes);
    expect(frame.toString('utf8')).toBe(JSON.stringify({ type: 'changes', changes, cursor: 12 }));
    expect(LiveServerMessage.parse(JSON.parse(frame.toString('utf8')))).toEqual({ type: 'changes', changes, cursor: 12 });
  });

  it('gives connections sent the same changes one shared frame, and others their own', () => {
    const frame = changesFrames(3);
    const shared = [history(1, 'a'), history(2, 'b')];
    const a = frame(shared);
    expect(frame(shared)).toBe(a);
    expect(frame([...shared])).toBe(a);
    const withOwnTask = frame([...shared, history(3, 'c')]);
    expect(withOwnTask).not.toBe(a);
    expect(JSON.parse(withOwnTask.toString('utf8'))).toMatchObject({ cursor: 3, changes: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] });
    // A later page starts afresh: nothing of an earlier one is reused.
    expect(changesFrames(3)(shared)).not.toBe(a);
  });
});
