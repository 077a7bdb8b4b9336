import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/**
 * Poppler and qpdf, the tools people open PDFs with, run on PDFs the tests make: what they read
 * back is what a reader of the file would see.
 */
function run(
  command: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string | undefined;
let count = 0;

/** Writes the PDF to a temp file and returns its path. */
export function pdfFile(bytes: Uint8Array, name = 'document'): string {
  dir ??= tempDir('spqa-pdf-');
  const path = join(dir, `${name}-${++count}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The text pdftotext reads, with every run of white space made one space. */
export function pdfText(bytes: Uint8Array): string {
  const out = run('pdftotext', ['-enc', 'UTF-8', pdfFile(bytes), '-']);
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout.replace(/\s+/g, ' ');
}

/** The text of each page, split on the form feed pdftotext puts between pages. */
export function pdfPages(bytes: Uint8Array): string[] {
  const out = run('pdftotext', ['-enc', 'UTF-8', pdfFile(bytes), '-']);
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' '));
}

export function qpdfCheck(bytes: Uint8Array): { status: number | null; output: string } {
  const out = run('qpdf', ['--check', pdfFile(bytes)]);
  return { status: out.status, output: `${out.stdout}${out.stderr}` };
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points, measured from the top-left corner of its page. */
export function pdfWords(bytes: Uint8Array): Word[] {
  const out = run('pdftotext', ['-enc', 'UTF-8', '-bbox', pdfFile(bytes), '-']);
  if (out.status !== 0) throw new Error(`pdftotext -bbox failed: ${out.stderr}`);
  const words: Word[] = [];
  let page = -1;
  for (const line of out.stdout.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (m) {
      words.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5] ?? '',
      });
    }
  }
  return words;
}

/** Pairs of words on the same page whose boxes overlap by more than `tolerance` points. */
export function overlappingWords(words: readonly Word[], tolerance = 0.75): [Word, Word][] {
  const pairs: [Word, Word][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    if (!a) continue;
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j];
      if (!b || b.page !== a.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > tolerance && y > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black to 255 white, row by row from the top. */
  pixels: Uint8Array;
}

/** Page `page` (from 1) rendered by pdftoppm in grey at `dpi`. */
export function renderGray(bytes: Uint8Array, dpi: number, page = 1): GrayImage {
  const file = pdfFile(bytes);
  const root = file.replace(/\.pdf$/, '');
  const out = run('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    root,
  ]);
  if (out.status !== 0) throw new Error(`pdftoppm failed: ${out.stderr}`);
  const data = readFileSync(`${root}.pgm`);
  // A binary PGM: "P5", width, height and the maximum value, separated by white space.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PGM header');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return {
    width,
    height,
    pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)),
  };
}
