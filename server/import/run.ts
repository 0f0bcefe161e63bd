import { StoreError } from '../store/errors';
import type { Store } from '../store/store';
import { decodeText, type DetectedEncoding } from './decode';
import { parseCsv, type RawRow } from './csv';
import { readRow, type ImportKind, type RowContext } from './rows';

export interface RowError {
  line: number;
  field?: string;
  message: string;
}
export interface ImportReport {
  kind: ImportKind;
  encoding: DetectedEncoding | 'json';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/** CSV bytes in any supported encoding → rows with their file line numbers. */
export function rowsFromCsv(bytes: Buffer): { rows: RawRow[]; broken: RowError[]; encoding: DetectedEncoding } {
  const { text, encoding } = decodeText(bytes);
  const { rows, broken } = parseCsv(text);
  return { rows, broken, encoding };
}

/** JSON rows: the "line" of a row is its 1-based position in the array. */
export function rowsFromJson(items: unknown[]): RawRow[] {
  return items.map((values, i) => ({ line: i + 1, values: values as Record<string, string> }));
}

/**
 * Validates and applies row by row: a bad row is reported with its line and reason and never stops
 * the good ones. Every row is applied idempotently by its external id, so a resent file changes nothing.
 */
export async function runImport(
  store: Store,
  teamId: string,
  kind: ImportKind,
  rows: RawRow[],
  ctx: RowContext,
  encoding: ImportReport['encoding'],
  preErrors: RowError[] = [],
): Promise<ImportReport> {
  const report: ImportReport = { kind, encoding, rows: rows.length + preErrors.length, inserted: 0, updated: 0, unchanged: 0, errors: [...preErrors] };
  for (const row of rows) {
    const r = readRow(kind, row.values, ctx);
    if (!r.ok) {
      report.errors.push({ line: row.line, message: r.message, ...(r.field !== undefined ? { field: r.field } : {}) });
      continue;
    }
    try {
      const outcome = 'customer' in r ? await store.importCustomer(teamId, r.customer) : await store.importEvent(teamId, r.event);
      report[outcome]++;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      report.errors.push({ line: row.line, message: `${error.field ?? 'row'}: ${error.message}`, ...(error.field !== undefined ? { field: error.field } : {}) });
    }
  }
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}
