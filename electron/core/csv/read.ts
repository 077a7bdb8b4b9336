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
 * Line numbers as an editor shows them, found from the parser's byte offsets: its own line
 * count is off for CRLF inside quoted values and for skipped blank lines. Reads forward only.
 */
function lineFinder(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  let line = 1;
  const step = () => {
    const byte = bytes[offset];
    offset += 1;
    if (byte === 0x0d) {
      line += 1;
      if (bytes[offset] === 0x0a) offset += 1;
    } else if (byte === 0x0a) {
      line += 1;
    }
  };
  /** The line on which the record after byte `end` starts, past the blank lines the parser skips. */
  return (end: number): number => {
    while (offset < end) step();
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) step();
    return line;
  };
}

const PARSER_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value starts on this line but its closing quote (") is missing',
  INVALID_OPENING_QUOTE:
    'a value holds a stray quote ("); put the whole value in quotes and double any quote inside it',
  CSV_INVALID_CLOSING_QUOTE:
    'a value holds a stray quote ("); put the whole value in quotes and double any quote inside it',
};

/**
 * Reads an RFC 4180 CSV file with a header row. Header names are matched without regard to
 * case or spaces. Structural faults (unknown or missing columns, ragged rows, an unclosed
 * quote) are reported with the line on which the record starts; nothing is read past a quote fault.
 */
export function readCsv(text: string, fileName: string, shape: CsvShape): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\uFFFD'))
    throw csvFault(fileName, [
      { line: 1, column: '', message: 'the file is not valid UTF-8 text' },
    ]);
  let records: { record: string[]; info: { bytes: number } }[];
  // The byte offset where the last good record ended, so a fault is placed at the next one's start.
  let parsedTo = 0;
  try {
    records = parse(body, {
      info: true,
      skip_empty_lines: true,
      // Ragged rows are counted below, so every one of them is reported, not just the first.
      relax_column_count: true,
      max_record_size: 1_000_000,
      to: MAX_ROWS + 1,
      on_record: (record, context) => {
        parsedTo = context.bytes;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    const failure = error as Error & { code?: string };
    const message =
      (failure.code && PARSER_MESSAGES[failure.code]) ??
      failure.message.replace(/,? (?:at|on) line \d+/g, '');
    throw csvFault(fileName, [{ line: lineFinder(body)(parsedTo), column: '', message }]);
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

  const lineAfter = lineFinder(body);
  const rows = records.slice(1).map(({ record }, i) => {
    const line = lineAfter(records[i]?.info.bytes ?? 0);
    if (record.length !== header.length) {
      problems.push({
        line,
        column: '',
        message: `the row has ${record.length} ${record.length === 1 ? 'value' : 'values'}; the header has ${header.length}`,
      });
    }
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      values[name] = (record[column] ?? '').trim();
    });
    return { line, values };
  });
  if (problems.length > 0) throw csvFault(fileName, problems);
  return rows;
}

export function csvFault(fileName: string, problems: CsvProblem[]) {
  const first = problems[0];
  const head = first
    ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}`
    : '';
  const more =
    problems.length > 2
      ? ` (and ${problems.length - 1} more problems)`
      : problems.length === 2
        ? ' (and 1 more problem)'
        : '';
  return invalid(`${fileName}: ${head}${more}; nothing was imported`, { file: fileName, problems });
}
