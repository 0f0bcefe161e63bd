import { Customer, E164, PhoneLabel, type CustomerSummary, type PhoneNumber } from '../../../shared/domain';
import { normalizePhone } from '../../../shared/phone/normalize';
import { fromMillis, toMillis } from './instant';
import { shortNameQuery } from './nameWords';
import type { Db } from './open';
import { InvalidRecordError, validated } from './validate';

export interface NewPhone {
  e164: string;
  label: PhoneLabel;
  isPrimary: boolean;
}

export interface CustomerReader {
  byId(id: string): Customer | null;
  exists(id: string): boolean;
  phonesOf(id: string): PhoneNumber[];
  /** Everyone reachable at this number (a shared line has several), the matched number as `phone`. */
  byPhone(e164: string, limit: number): CustomerSummary[];
  /** Exact and prefix matches first (alphabetical), then other substring matches. Case-insensitive. */
  searchByName(query: string, limit: number): CustomerSummary[];
  summary(id: string): CustomerSummary | null;
  count(): number;
}

export interface CustomerWriter {
  /** Inserts a customer with numbers already in E.164 (validated, not re-normalized). */
  insert(customer: Customer, phones: readonly NewPhone[]): void;
  /** Many customers in one transaction (bulk loads): all or none. */
  insertMany(records: Iterable<{ customer: Customer; phones: readonly NewPhone[] }>): number;
  /** Adds a number typed by a person: normalized to E.164 with the store's default region. */
  addPhone(customerId: string, rawNumber: string, label: PhoneLabel, isPrimary: boolean): PhoneNumber;
}

interface CustomerRow {
  id: string;
  name: string;
  segment: string | null;
  tags: string;
  region: string | null;
  time_zone: string | null;
  email: string | null;
  company: string | null;
  city: string | null;
  language: string | null;
  do_not_call: number;
  created_at: number;
  updated_at: number;
}

interface SummaryRow {
  id: string;
  name: string;
  segment: string | null;
  city: string | null;
  phone: string | null;
}

/** A label a newer build wrote reads as "other"; built once (a zod schema per call costs more than the query). */
const LABEL = PhoneLabel.catch('other');

/** Trigrams need 3 characters; shorter queries use the words index (migration 007). */
const TRIGRAM = 3;

export function customerStore(db: Db, defaultRegion: string): CustomerReader & CustomerWriter {
  const selectById = db.prepare<[string], CustomerRow>(
    `SELECT id, name, segment, tags, region, time_zone, email, company, city, language, do_not_call, created_at, updated_at
       FROM customers WHERE id = ?`,
  );
  const selectExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM customers WHERE id = ?');
  const selectPhones = db.prepare<[string], { e164: string; label: string; is_primary: number }>(
    'SELECT e164, label, is_primary FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, e164',
  );
  const selectByPhone = db.prepare<[string, number], SummaryRow>(
    `SELECT c.id, c.name, c.segment, c.city, p.e164 AS phone
       FROM customer_phones p JOIN customers c ON c.id = p.customer_id
      WHERE p.e164 = ? ORDER BY c.name, c.id LIMIT ?`,
  );
  const selectSummaryBySeq = db.prepare<[number], SummaryRow>(
    `SELECT c.id, c.name, c.segment, c.city, p.e164 AS phone
       FROM customers c LEFT JOIN customer_phones p ON p.customer_id = c.id AND p.is_primary = 1
      WHERE c.seq = ?`,
  );
  const selectSummaryById = db.prepare<[string], SummaryRow>(
    `SELECT c.id, c.name, c.segment, c.city, p.e164 AS phone
       FROM customers c LEFT JOIN customer_phones p ON p.customer_id = c.id AND p.is_primary = 1
      WHERE c.id = ?`,
  );
  // Range on the NOCASE index = case-insensitive prefix match, in name order.
  const selectNamePrefix = db.prepare<[string, string, number], { seq: number }>(
    `SELECT seq FROM customers
      WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE
      ORDER BY name COLLATE NOCASE LIMIT ?`,
  );
  const selectNameTrigram = db.prepare<[string, number], { seq: number }>(
    'SELECT rowid AS seq FROM customers_name_fts WHERE name LIKE ? LIMIT ?',
  );
  // 1–2 characters: no trigram exists; the words index has each Chinese character as a word.
  const selectNameWords = db.prepare<[string, number], { seq: number }>(
    'SELECT rowid AS seq FROM customers_name_words WHERE customers_name_words MATCH ? LIMIT ?',
  );
  const selectCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM customers');
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, name, segment, tags, region, time_zone, email, company, city, language, do_not_call, created_at, updated_at)
     VALUES (@id, @name, @segment, @tags, @region, @timeZone, @email, @company, @city, @language, @doNotCall, @createdAt, @updatedAt)`,
  );
  const insertPhone = db.prepare(
    'INSERT INTO customer_phones (customer_id, e164, label, is_primary) VALUES (?, ?, ?, ?)',
  );

  /** Names containing the needle anywhere: trigrams for 3+ characters, the words index for 1–2. */
  const substringMatches = (needle: string, take: number): { seq: number }[] => {
    if ([...needle].length >= TRIGRAM) return selectNameTrigram.all(`%${needle}%`, take);
    const words = shortNameQuery(needle);
    return words ? selectNameWords.all(words, take) : [];
  };

  const toSummary = (row: SummaryRow): CustomerSummary => ({
    id: row.id,
    name: row.name,
    segment: row.segment,
    city: row.city,
    phone: row.phone,
  });

  const write = (customer: Customer, phones: readonly NewPhone[]) => {
    const c = validated(Customer, customer, 'customer');
    insertCustomer.run({
      ...c,
      tags: JSON.stringify(c.tags),
      doNotCall: c.doNotCall ? 1 : 0,
      createdAt: toMillis(c.createdAt),
      updatedAt: toMillis(c.updatedAt),
    });
    phones.forEach((phone, index) => {
      const e164 = validated(E164, phone.e164, `customer ${c.id} phones.${index}.e164`);
      insertPhone.run(c.id, e164, validated(PhoneLabel, phone.label, `customer ${c.id} phones.${index}.label`), phone.isPrimary ? 1 : 0);
    });
  };
  const insert = db.transaction(write);
  const insertMany = db.transaction((records: Iterable<{ customer: Customer; phones: readonly NewPhone[] }>) => {
    let n = 0;
    for (const record of records) {
      write(record.customer, record.phones);
      n += 1;
    }
    return n;
  });

  return {
    byId(id) {
      const row = selectById.get(id);
      return row ? rowToCustomer(row) : null;
    },
    exists: (id) => selectExists.get(id) !== undefined,
    phonesOf(id) {
      return selectPhones.all(id).map((row) => ({
        customerId: id,
        e164: row.e164,
        label: LABEL.parse(row.label),
        isPrimary: row.is_primary === 1,
      }));
    },
    byPhone: (e164, limit) => selectByPhone.all(e164, limit).map(toSummary),
    searchByName(query, limit) {
      const needle = query.trim().replace(/[%_]/g, '').replace(/\s+/g, ' ');
      if (needle === '') return [];
      const seqs = new Set<number>();
      for (const { seq } of selectNamePrefix.all(needle, `${needle}\u{10FFFF}`, limit)) seqs.add(seq);
      if (seqs.size < limit) {
        // Asking for limit + seqs.size covers prefix matches coming back a second time.
        for (const { seq } of substringMatches(needle, limit + seqs.size)) {
          if (seqs.size >= limit) break;
          seqs.add(seq);
        }
      }
      const results: CustomerSummary[] = [];
      for (const seq of seqs) {
        const row = selectSummaryBySeq.get(seq);
        if (row) results.push(toSummary(row));
      }
      return results;
    },
    summary(id) {
      const row = selectSummaryById.get(id);
      return row ? toSummary(row) : null;
    },
    count: () => selectCount.get()?.n ?? 0,
    insert: (customer, phones) => insert(customer, phones),
    insertMany: (records) => insertMany(records),
    addPhone(customerId, rawNumber, label, isPrimary) {
      const normalized = normalizePhone(rawNumber, defaultRegion);
      if (!normalized.ok) throw new InvalidRecordError(`phone of customer ${customerId}`, 'e164', `not a valid number (${normalized.reason})`);
      if (!selectExists.get(customerId)) throw new InvalidRecordError('phone', 'customerId', `no customer ${customerId}`);
      insertPhone.run(customerId, normalized.e164, label, isPrimary ? 1 : 0);
      return { customerId, e164: normalized.e164, label, isPrimary };
    },
  };
}

function rowToCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    segment: row.segment,
    tags: parseTags(row.tags),
    region: row.region,
    timeZone: row.time_zone,
    email: row.email,
    company: row.company,
    city: row.city,
    language: row.language === 'zh-CN' || row.language === 'en' ? row.language : null,
    doNotCall: row.do_not_call === 1,
    createdAt: fromMillis(row.created_at),
    updatedAt: fromMillis(row.updated_at),
  };
}

/** The CHECK guarantees a JSON array; non-string entries (hand-edited files) are dropped, not fatal. */
function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
