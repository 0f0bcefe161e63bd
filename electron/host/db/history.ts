import {
  HISTORY_KINDS,
  HistoryEvent,
  type HistoryCursor,
  type HistoryKind,
} from '../../../shared/domain';
import { fromMillis, toMillis } from './instant';
import { parseJsonColumn } from './json';
import type { Db } from './open';
import { describeIssue, idOf, validated } from './validate';

export interface HistoryQuery {
  customerId: string;
  /** Only these kinds; empty or absent means all. */
  kinds?: readonly HistoryKind[] | undefined;
  /** Strictly older than this (keyset), newest first. */
  before?: HistoryCursor | null | undefined;
  limit: number;
}

export interface HistoryPageResult {
  events: HistoryEvent[];
  nextCursor: HistoryCursor | null;
}

export type KindCounts = Record<HistoryKind, number>;

/** A row whose payload failed validation on read: shown to the agent as a note that says so. */
export interface UnreadableEvent {
  id: string;
  kind: string;
  field: string | undefined;
  detail: string;
}

export interface HistoryReader {
  page(query: HistoryQuery): HistoryPageResult;
  countsByKind(customerId: string): KindCounts;
  /** One event by id (a follow-up's reason); a damaged row reads as the note that says so. */
  byId(id: string): HistoryEvent | null;
}

export interface HistoryWriter {
  /** Validates against the per-kind zod schema; throws naming the bad field. */
  append(event: HistoryEvent): void;
  /** Many events in one transaction: all or none. */
  appendMany(events: Iterable<HistoryEvent>): number;
}

export interface HistoryStoreOptions {
  /** Told about every unreadable row met on read (for the log); the read itself goes on. */
  onUnreadable?: (event: UnreadableEvent) => void;
}

interface EventRow {
  id: string;
  customer_id: string;
  kind: string;
  occurred_at: number;
  summary: string;
  payload: string;
}

const COLUMNS = 'id, customer_id, kind, occurred_at, summary, payload';
const ORDER = 'ORDER BY occurred_at DESC, id DESC LIMIT ?';
/** Sorts after every real id and instant: the "before" of the first page. */
const NEWEST: { at: number; id: string } = { at: Number.MAX_SAFE_INTEGER, id: '\u{10FFFF}' };

export function historyStore(db: Db, options: HistoryStoreOptions = {}): HistoryReader & HistoryWriter {
  // Three shapes of the same keyset query, each matched to an index (see 002_history.test.ts).
  const pageAll = db.prepare<[string, number, string, number], EventRow>(
    `SELECT ${COLUMNS} FROM history_events
      WHERE customer_id = ? AND (occurred_at, id) < (?, ?) ${ORDER}`,
  );
  const pageOneKind = db.prepare<[string, string, number, string, number], EventRow>(
    `SELECT ${COLUMNS} FROM history_events
      WHERE customer_id = ? AND kind = ? AND (occurred_at, id) < (?, ?) ${ORDER}`,
  );
  const pageSomeKinds = db.prepare<[string, string, number, string, number], EventRow>(
    `SELECT ${COLUMNS} FROM history_events
      WHERE customer_id = ? AND kind IN (SELECT value FROM json_each(?)) AND (occurred_at, id) < (?, ?) ${ORDER}`,
  );
  const counts = db.prepare<[string], { kind: string; n: number }>(
    'SELECT kind, count(*) AS n FROM history_events WHERE customer_id = ? GROUP BY kind',
  );
  const selectById = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM history_events WHERE id = ?`);
  const insert = db.prepare<[string, string, string, number, string, string]>(
    'INSERT INTO history_events (id, customer_id, kind, occurred_at, summary, payload) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const write = (event: HistoryEvent): void => {
    const e = validated(HistoryEvent, event, `history event ${idOf(event)}`);
    insert.run(e.id, e.customerId, e.kind, toMillis(e.occurredAt), e.summary, JSON.stringify(e.payload));
  };
  const writeMany = db.transaction((events: Iterable<HistoryEvent>) => {
    let n = 0;
    for (const event of events) {
      write(event);
      n += 1;
    }
    return n;
  });

  const readRow = (row: EventRow): HistoryEvent => {
    const read = rowToEvent(row);
    if (read.ok) return read.event;
    options.onUnreadable?.(read.problem);
    return unreadableAsNote(row, read.problem);
  };

  return {
    page({ customerId, kinds, before, limit }) {
      const at = before ? toMillis(before.occurredAt) : NEWEST.at;
      const id = before ? before.id : NEWEST.id;
      const wanted = [...new Set(kinds ?? [])];
      // One extra row tells whether an older page exists without a COUNT.
      const take = limit + 1;
      const rows =
        wanted.length === 0 || wanted.length === HISTORY_KINDS.length
          ? pageAll.all(customerId, at, id, take)
          : wanted.length === 1
            ? pageOneKind.all(customerId, wanted[0] as string, at, id, take)
            : pageSomeKinds.all(customerId, JSON.stringify(wanted), at, id, take);
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      return {
        events: pageRows.map(readRow),
        nextCursor: rows.length > limit && last ? { occurredAt: fromMillis(last.occurred_at), id: last.id } : null,
      };
    },
    countsByKind(customerId) {
      const result = Object.fromEntries(HISTORY_KINDS.map((k) => [k, 0])) as KindCounts;
      for (const { kind, n } of counts.all(customerId)) {
        if (kind in result) result[kind as HistoryKind] = n;
      }
      return result;
    },
    byId(id) {
      const row = selectById.get(id);
      return row ? readRow(row) : null;
    },
    append: write,
    appendMany: (events) => writeMany(events),
  };
}

function rowToEvent(row: EventRow): { ok: true; event: HistoryEvent } | { ok: false; problem: UnreadableEvent } {
  const payload = parseJsonColumn(row.payload);
  if (!payload.ok) return { ok: false, problem: { id: row.id, kind: row.kind, field: 'payload', detail: payload.message } };
  const parsed = HistoryEvent.safeParse({
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    occurredAt: fromMillis(row.occurred_at),
    summary: row.summary,
    payload: payload.value,
  });
  if (parsed.success) return { ok: true, event: parsed.data };
  const { field, detail } = describeIssue(parsed.error);
  return { ok: false, problem: { id: row.id, kind: row.kind, field, detail } };
}

/**
 * Keeps the timeline whole when one row is damaged (a hand-edited file, a newer build's payload):
 * the agent sees a note naming the event and the bad field instead of a panel that fails to open.
 * The row itself is left untouched on disk.
 */
function unreadableAsNote(row: EventRow, problem: UnreadableEvent): HistoryEvent {
  const where = problem.field ? `${problem.field}: ${problem.detail}` : problem.detail;
  return {
    id: row.id,
    customerId: row.customer_id,
    occurredAt: fromMillis(row.occurred_at),
    kind: 'note',
    summary: `Unreadable ${problem.kind} event ${row.id} (${where})`.slice(0, 300),
    payload: {
      text: `This ${problem.kind} event could not be read from the local store: ${where}. It is kept unchanged on disk.`.slice(0, 4000),
      author: null,
    },
  };
}
