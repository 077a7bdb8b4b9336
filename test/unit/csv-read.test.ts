import { describe, expect, it } from 'vitest';
import { readCsv } from '../../electron/core/csv/read';
import { AppError } from '../../electron/core/errors';
import type { CsvProblem } from '../../shared/contract/providers';

const SHAPE = { required: ['name', 'type'], optional: ['note'] } as const;

function fault(text: string): { message: string; problems: CsvProblem[] } {
  try {
    readCsv(text, 'in.csv', SHAPE);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('invalid_input');
    const { problems } = error.details as { problems: CsvProblem[] };
    return { message: error.message, problems };
  }
  throw new Error('expected the file to be refused');
}

const lines = (text: string) => readCsv(text, 'in.csv', SHAPE).map((r) => r.line);

describe('reading rows', () => {
  it('matches header names whatever their case and spacing, and trims values', () => {
    const rows = readCsv(' Name ,TYPE,Note\n  Calder Connectors , activity ,\n', 'in.csv', SHAPE);
    expect(rows).toEqual([
      { line: 2, values: { name: 'Calder Connectors', type: 'activity', note: '' } },
    ]);
  });

  it('reads quoted commas, doubled quotes and a byte order mark', () => {
    const rows = readCsv('\uFEFFname,type\n"Smith, Jones and ""Co""",both\n', 'in.csv', SHAPE);
    expect(rows[0]?.values.name).toBe('Smith, Jones and "Co"');
  });

  it('gives the line each record starts on when values span lines', () => {
    expect(lines('name,type\n"A\nB",activity\nC,both\n"D\n\nE","x\ny"\nF,both')).toEqual([
      2, 4, 5, 9,
    ]);
  });

  it('counts CRLF line ends once, inside quoted values too', () => {
    expect(lines('name,type\r\n"A\r\nB",activity\r\nC,both\r\n')).toEqual([2, 4]);
  });

  it('counts the blank lines it skips', () => {
    expect(lines('name,type\n\nA,activity\n\n\nC,both\n')).toEqual([3, 6]);
    expect(lines('name,type\r\n\r\nA,activity\r\n')).toEqual([3]);
  });

  it('reads non-ASCII text and still counts lines right after it', () => {
    const rows = readCsv('name,type\n"Café\nCroeso ❤",both\nÖ,activity\n', 'in.csv', SHAPE);
    expect(rows.map((r) => [r.line, r.values.name])).toEqual([
      [2, 'Café\nCroeso ❤'],
      [4, 'Ö'],
    ]);
  });

  it('returns no rows for a header alone', () => {
    expect(readCsv('name,type\n', 'in.csv', SHAPE)).toEqual([]);
  });
});

describe('refusing a malformed file', () => {
  it('names an unknown column and lists the ones it knows', () => {
    const { problems, message } = fault('name,type,colour\nA,both,red\n');
    expect(problems).toEqual([
      { line: 1, column: 'colour', message: 'unknown column; expected some of name, type, note' },
    ]);
    expect(message).toBe(
      'in.csv: line 1, column colour: unknown column; expected some of name, type, note; nothing was imported',
    );
  });

  it('names a missing required column', () => {
    expect(fault('name,note\nA,b\n').problems).toEqual([
      { line: 1, column: 'type', message: 'required column is missing' },
    ]);
  });

  it('names a column given twice, even in another spelling', () => {
    expect(fault('name,type,Name\nA,both,B\n').problems).toEqual([
      { line: 1, column: 'name', message: 'the column appears twice' },
    ]);
  });

  it('reports every header problem together', () => {
    const { problems, message } = fault('nom,colour\n');
    expect(problems.map((p) => p.column)).toEqual(['nom', 'colour', 'name', 'type']);
    expect(message).toMatch(/\(and 3 more problems\); nothing was imported$/);
  });

  it('reports every ragged row with the line it starts on', () => {
    const { problems } = fault('name,type\nA,activity\nB,both,extra\n"C\nD",both\nE\n');
    expect(problems).toEqual([
      { line: 3, column: '', message: 'the row has 3 values; the header has 2' },
      { line: 6, column: '', message: 'the row has 1 value; the header has 2' },
    ]);
  });

  it('places an unclosed quote on the line where the quoted value starts', () => {
    const { problems, message } = fault('name,type\nA,activity\n"B,both\nC,both\nD,both\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toMatch(/closing quote/);
    expect(message).toMatch(/^in\.csv: line 3: .*; nothing was imported$/);
  });

  it('places a stray quote on its line', () => {
    const { problems } = fault('name,type\nA,activity\n\nB,act"ivity\n');
    expect(problems).toEqual([
      { line: 4, column: '', message: expect.stringMatching(/stray quote/) },
    ]);
  });

  it('refuses an empty file and one that is not UTF-8 text', () => {
    expect(fault('').problems[0]?.message).toBe('the file is empty; it needs a header row');
    expect(fault('name,type\n\uFFFD,both\n').problems[0]?.message).toBe(
      'the file is not valid UTF-8 text',
    );
  });
});
