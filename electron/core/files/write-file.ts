import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalid } from '../errors';

/**
 * Writes an output file whole or not at all: to a temporary file beside it, flushed, then renamed
 * over the target, so a crash or a full disk never leaves a half-written certificate or report.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw invalid(`${path}: the folder does not exist`);
    if (e.code === 'EACCES' || e.code === 'EPERM') throw invalid(`${path}: permission denied`);
    if (e.code === 'ENOSPC') throw invalid(`${path}: the disk is full`);
    if (e.code === 'EISDIR') throw invalid(`${path} is a folder`);
    throw error;
  }
}
