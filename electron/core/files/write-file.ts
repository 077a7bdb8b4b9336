import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalid } from '../errors';

/** A hidden temporary name beside `path`, for writing a file whole before it takes its name. */
export const temporaryPathBeside = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * A failed write of an output file as a plain refusal that names it (`outcome` says what was not
 * done, e.g. "no bundle was written"); an error of any other kind is given back as it is.
 */
export function writeFailure(path: string, error: unknown, outcome?: string): unknown {
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return invalid(`${path}: the folder does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return invalid(`${path}: permission denied`);
  if (code === 'ENOSPC')
    return invalid(`${path}: the disk is full${outcome ? `; ${outcome}` : ''}`);
  if (code === 'EISDIR') return invalid(`${path} is a folder`);
  return error;
}

/**
 * Writes an output file whole or not at all: to a temporary file beside it, flushed, then renamed
 * over the target, so a crash or a full disk never leaves a half-written certificate or report.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = temporaryPathBeside(path);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw writeFailure(path, error);
  }
}
