import { parse } from 'csv-parse/sync';
import type { CsvProblem } from '../../../shared/contract/providers';
import { invalid } from '../errors';

export interface CsvRow {
  /** 1-based line on which the record starts, as a spreadsheet or editor shows it. */
  line: number;
  values: Record<string, string>;
}

export interface CsvShape {
  required: readonly string[];
  optional: readonly string[];
}

const MAX_ROWS = 200_000;

/**
 * Reads an RFC 4180 CSV file with a header row. Header names are matched without regard to
 * case or spaces. Structural faults (unknown or missing columns, ragged rows, an unclosed
 * quote) are reported with their line; nothing is read past them.
 */
export function readCsv(text: string, fileName: string, shape: CsvShape): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\uFFFD'))
    throw csvFault(fileName, [
      { line: 1, column: '', message: 'the file is not valid UTF-8 text' },
    ]);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(body, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: 1_000_000,
      to: MAX_ROWS + 1,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw csvFault(fileName, [
      { line: e.lines ?? 1, column: '', message: e.message.replace(/ on line \d+$/, '') },
    ]);
  }
  if (records.length > MAX_ROWS) {
    throw csvFault(fileName, [
      { line: 1, column: '', message: `more than ${MAX_ROWS} rows; split the file` },
    ]);
  }
  const headerRecord = records[0];
  if (!headerRecord)
    throw csvFault(fileName, [
      { line: 1, column: '', message: 'the file is empty; it needs a header row' },
    ]);

  const known = new Set([...shape.required, ...shape.optional]);
  const header = headerRecord.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  header.forEach((name) => {
    if (!known.has(name)) {
      problems.push({
        line: 1,
        column: name,
        message: `unknown column; expected some of ${[...known].join(', ')}`,
      });
    } else if (seen.has(name)) {
      problems.push({ line: 1, column: name, message: 'the column appears twice' });
    }
    seen.add(name);
  });
  for (const name of shape.required) {
    if (!seen.has(name))
      problems.push({ line: 1, column: name, message: 'required column is missing' });
  }
  if (problems.length > 0) throw csvFault(fileName, problems);

  return records.slice(1).map(({ record, info, raw }) => {
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (record[i] ?? '').trim();
    });
    const extraLines = (raw.replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
    return { line: info.lines - extraLines, values };
  });
}

export function csvFault(fileName: string, problems: CsvProblem[]) {
  const first = problems[0];
  const head = first
    ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}`
    : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return invalid(`${fileName}: ${head}${more}; nothing was imported`, { file: fileName, problems });
}
