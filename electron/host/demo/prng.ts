/**
 * A tiny seeded PRNG (mulberry32) and the draws the generator needs. Own code rather than
 * Math.random so the same seed gives the same data on every machine and Node version.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one record, independent of how many records came before it (so batching cannot change the data). */
  static for(seed: number, stream: number, index: number): Random {
    return new Random(mix(mix(mix(seed) ^ stream) ^ index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks by weight: entries are [value, weight]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Picks from a prebuilt table: for hot draws (surnames, kinds) that would rebuild their totals each call. */
  fromTable<T>(table: WeightedTable<T>): T {
    return table.at(this.next());
  }

  /** A few distinct items. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.pick(items));
    return [...chosen];
  }

  /** Exponentially distributed count with this mean (most customers have a few events, some many). */
  geometric(mean: number, max: number): number {
    return Math.min(max, Math.floor(-Math.log(1 - this.next()) * mean));
  }
}

/** Cumulative weights, built once; `at(u)` maps a uniform draw to an entry by binary search. */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('a weighted table needs entries');
    this.values = entries.map(([value]) => value);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
  }

  at(uniform: number): T {
    const target = uniform * (this.cumulative.at(-1) ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

/** 32-bit integer hash (from splitmix/murmur finalizers): spreads nearby seeds far apart. */
export function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
