import { parse } from 'csv-parse/sync';

export interface RawRow {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** Chinese exports often use Chinese headers; both spellings map to one column name. */
const ALIASES: Record<string, string> = {
  编号: 'external_id',
  客户编号: 'external_id',
  外部编号: 'external_id',
  姓名: 'name',
  客户姓名: 'name',
  名称: 'name',
  电话: 'phone',
  手机: 'phone',
  手机号: 'phone',
  客户分级: 'segment',
  分级: 'segment',
  标签: 'tags',
  城市: 'city',
  公司: 'company',
  邮箱: 'email',
  客户编号_外部: 'customer_external_id',
  时间: 'occurred_at',
  发生时间: 'occurred_at',
  金额: 'amount',
  币种: 'currency',
  状态: 'status',
  类别: 'category',
  主题: 'subject',
  优先级: 'priority',
  摘要: 'summary',
};

export function normalizeHeader(h: string): string {
  const t = h.trim();
  return ALIASES[t] ?? t.toLowerCase().replace(/[\s-]+/g, '_');
}

export interface BrokenRow {
  line: number;
  message: string;
}

/**
 * Parses CSV text into rows keyed by header, remembering each row's first line for error reports.
 * A record the parser cannot read (a stray quote) is reported and skipped; the rest still import.
 */
export function parseCsv(text: string): { header: string[]; rows: RawRow[]; broken: BrokenRow[] } {
  const broken: BrokenRow[] = [];
  // One kind of line break: csv-parse counts \r and \n of a quoted CRLF as two lines, which would shift every later line number.
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) broken.push({ line: (err as { lines?: number }).lines ?? 0, message: `unreadable CSV record: ${err.message}` });
    },
    info: true,
    trim: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = records;
  if (!first) return { header: [], rows: [], broken };
  const header = first.record.map(normalizeHeader);
  const rows = rest.map(({ record, info }) => ({
    // csv-parse reports the line where a record ends; quoted newlines inside it move the start up.
    line: info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0),
    values: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])),
  }));
  return { header, rows, broken };
}
