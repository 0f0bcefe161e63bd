import type { Queries } from '../queries';

/** better-sqlite3 answers synchronously; the query files say so, and the engine wraps them as Queries. */
export type SyncOf<K extends keyof Queries> = { [P in K]: (...args: Parameters<Queries[P]>) => Awaited<ReturnType<Queries[P]>> };

export function asAsync<T extends Record<string, (...args: never[]) => unknown>>(
  sync: T,
): { [P in keyof T]: (...args: Parameters<T[P]>) => Promise<ReturnType<T[P]>> } {
  return Object.fromEntries(
    Object.entries(sync).map(([name, fn]) => [name, (...args: never[]) => {
      // Run now, not in a later microtask: inside a transaction nothing may slip in between statements.
      try {
        return Promise.resolve(fn(...args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }]),
  ) as unknown as { [P in keyof T]: (...args: Parameters<T[P]>) => Promise<ReturnType<T[P]>> };
}
