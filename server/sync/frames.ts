import type { Change } from '../../shared/sync';

/**
 * The `changes` messages of one live round, made for many connections at once. In a team every
 * console is sent the same history events, so each Change is serialized once per round (not once
 * per console), and connections sent the very same changes share one encoded frame. The text is
 * exactly `JSON.stringify({ type: 'changes', changes, cursor })` (frames.test.ts holds them together).
 */
export function changesFrames(): (changes: readonly Change[], cursor: number) => Buffer {
  const json = new Map<Change, string>();
  const frames = new Map<string, Buffer>();
  return (changes, cursor) => {
    // A change's seq names it within a round: the same seqs are the same changes.
    const key = `${cursor}|${changes.map((c) => c.seq).join(',')}`;
    let frame = frames.get(key);
    if (!frame) {
      const parts = changes.map((c) => {
        let text = json.get(c);
        if (text === undefined) {
          text = JSON.stringify(c);
          json.set(c, text);
        }
        return text;
      });
      frame = Buffer.from(`{"type":"changes","changes":[${parts.join(',')}],"cursor":${cursor}}`, 'utf8');
      frames.set(key, frame);
    }
    return frame;
  };
}
