import type { QueryResultRow } from 'pg';

/** A pool or one client inside a transaction: the query files do not care which. */
export interface Exec {
  query<R extends QueryResultRow>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export async function one<R extends QueryResultRow>(db: Exec, text: string, params: unknown[]): Promise<R | null> {
  return (await db.query<R>(text, params)).rows[0] ?? null;
}
