import { describe, expect, it } from 'vitest';
import { Random } from './prng';

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('gives every record its own stream, whatever was drawn before', () => {
    const a = Random.for(42, 1, 1000).int(0, 1e9);
    Random.for(42, 1, 999).next();
    expect(Random.for(42, 1, 1000).int(0, 1e9)).toBe(a);
    expect(Random.for(42, 2, 1000).int(0, 1e9)).not.toBe(a);
  });

  it('stays within bounds', () => {
    const r = new Random(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});
