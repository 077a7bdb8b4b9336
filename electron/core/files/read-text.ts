import { readFileSync, statSync } from 'node:fs';
import { invalid, messageOf } from '../errors';

/**
 * Reads a text file given from outside, refusing with a plain message anything that is not
 * a readable regular file of valid UTF-8 under the size limit.
 */
export function readTextFile(path: string, maxBytes: number): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw invalid(`${path} is a folder, not a file`);
    if (!stat.isFile()) throw invalid(`${path} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw invalid(`${path}: no such file`);
    if ((error as NodeJS.ErrnoException).code === 'EACCES')
      throw invalid(`${path}: permission denied`);
    throw error;
  }
  if (size > maxBytes) throw invalid(`${path} is ${size} bytes; the limit is ${maxBytes}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw invalid(`${path}: cannot be read (${messageOf(error)})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${path}: not valid UTF-8 text`);
  }
}
