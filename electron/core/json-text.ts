import { invalid, messageOf } from './errors';
import { locateJsonError } from './json-syntax';

const MAX_DEPTH = 64;

/**
 * JSON.parse with a message a person can act on: the file, line and column of the fault.
 * Documents nested deeper than any of ours are refused before they reach a schema.
 */
export function parseJsonText(text: string, fileName: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\uFFFD')) {
    throw invalid(`${fileName}: the file is not valid UTF-8 text`, { file: fileName });
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // V8 often gives no position and quotes the text, newlines and all: locate the fault ourselves.
    const fault = locateJsonError(body);
    const where = fault ? lineColumn(body, fault.offset) : null;
    const problem = fault?.problem ?? messageOf(error).split('\n')[0];
    const place = where ? ` at line ${where.line}, column ${where.column}` : '';
    throw invalid(`${fileName}: not valid JSON${place}: ${problem}`, { file: fileName, ...where });
  }
  if (depth(value) > MAX_DEPTH) {
    throw invalid(`${fileName}: nested more than ${MAX_DEPTH} levels deep`, { file: fileName });
  }
  return value;
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function depth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, level] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    max = Math.max(max, level);
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(item)) stack.push([child, level + 1]);
  }
  return max;
}
