import { compareEncoded } from './hlc';

/**
 * Last-writer-wins per field. Each field carries the HLC of the write that set it; merging keeps,
 * field by field, the value with the greater clock. Equal clocks with different values can only come
 * from a buggy writer; the JSON text of the value breaks that tie so every replica still picks the same.
 */
export interface Stamped<V = unknown> {
  readonly value: V;
  readonly hlc: string;
}
export type LwwRecord = Readonly<Record<string, Stamped>>;

/** JSON with sorted object keys: equal values give equal text whatever order the keys were stored in (JSONB reorders them). */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

/** True when `a` wins over `b`. */
export function wins(a: Stamped, b: Stamped): boolean {
  const c = compareEncoded(a.hlc, b.hlc);
  if (c !== 0) return c > 0;
  return stableJson(a.value) > stableJson(b.value);
}

export function mergeLww(a: LwwRecord, b: LwwRecord): LwwRecord {
  const out: Record<string, Stamped> = { ...a };
  for (const [field, theirs] of Object.entries(b)) {
    const ours = out[field];
    if (ours === undefined || wins(theirs, ours)) out[field] = theirs;
  }
  return out;
}

/** Stamp a patch of plain fields with one clock: the shape of a customer edit. */
export function stampPatch(fields: Readonly<Record<string, unknown>>, hlc: string): LwwRecord {
  return Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, hlc }]));
}

/** The fields of `next` that differ from `prev`: what a merge actually changed (empty means no-op). */
export function changedFields(prev: LwwRecord, next: LwwRecord): string[] {
  return Object.keys(next).filter((k) => prev[k]?.hlc !== next[k]?.hlc || stableJson(prev[k]?.value) !== stableJson(next[k]?.value));
}

export function valuesOf(record: LwwRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, s]) => [k, s.value]));
}
