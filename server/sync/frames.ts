import type { Change } from '../../shared/sync';

/**
 * The `changes` messages of one page of a live round, made for many connections at once. In a team
 * every console is sent the same history events, so each Change is serialized once per page (not
 * once per console), and connections sent the very same changes share one encoded frame — found at
 * once when the store handed them one shared list (pullMany does for a team's agents), else by the
 * changes' seqs. The text is exactly `JSON.stringify({ type: 'changes', changes, cursor })`
 * (frames.test.ts holds them together).
 */
export function changesFrames(cursor: number): (changes: readonly Change[]) => Buffer {
  const json = new Map<Change, string>();
  const byList = new Map<readonly Change[], Buffer>();
  const bySeqs = new Map<string, Buffer>();
  return (changes) => {
    let frame = byList.get(changes);
    if (frame) return frame;
    // A change's seq names it within a page: the same seqs are the same changes.
    const key = changes.map((c) => c.seq).join(',');
    frame = bySeqs.get(key);
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
      bySeqs.set(key, frame);
    }
    byList.set(changes, frame);
    return frame;
  };
}
