import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

/** A fake transaction that records its batches and doubles each item; 'bad' makes the whole batch fail. */
function doubler(delayMs = 5) {
  const batches: number[][] = [];
  const commits = new GroupCommit<number, number>(
    async (items) => {
      batches.push([...items]);
      await new Promise((r) => setTimeout(r, delayMs));
      if (items.includes(-1)) throw new Error('bad item');
      return items.map((i) => i * 2);
    },
    { maxUnits: 10, maxInFlight: 1 },
  );
  return { commits, batches };
}

describe('group commit', () => {
  it('commits callers of the same moment together and answers each with its own result', async () => {
    const { commits, batches } = doubler();
    const results = await Promise.all([1, 2, 3].map((i) => commits.submit(i, 1)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the callers that arrive during a commit into the next one, up to its size', async () => {
    const { commits, batches } = doubler();
    const first = commits.submit(1, 1);
    await new Promise((r) => setImmediate(r));
    const later = Array.from({ length: 12 }, (_, i) => commits.submit(10 + i, 1));
    expect(await Promise.all([first, ...later])).toEqual([2, ...Array.from({ length: 12 }, (_, i) => 20 + 2 * i)]);
    expect(batches.map((b) => b.length)).toEqual([1, 10, 2]);
    expect(commits.busy).toBe(false);
  });

  it('sends an item bigger than a batch alone', async () => {
    const { commits, batches } = doubler();
    expect(await Promise.all([commits.submit(1, 25), commits.submit(2, 1)])).toEqual([2, 4]);
    expect(batches).toEqual([[1], [2]]);
  });

  it('fails only the caller whose item broke the batch: the others are committed one by one', async () => {
    const { commits, batches } = doubler();
    const results = await Promise.allSettled([1, -1, 3].map((i) => commits.submit(i, 1)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 2 });
    expect(batches).toEqual([[1, -1, 3], [1], [-1], [3]]);
  });
});
