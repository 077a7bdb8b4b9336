import { createHash, randomUUID } from 'node:crypto';
import { sha256OfFile } from '../files/hash-file';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid, messageOf } from '../errors';
import { SNIFF_BYTES, sniffMediaType } from './sniff';

/**
 * The evidence store: files kept under their SHA-256 in `evidence/sha256/ab/<hash>`, so identical
 * files are stored once and any change to a file shows up as a hash mismatch.
 */
export interface StoredBlob {
  sha256: string;
  size: number;
  mediaType: string;
}

export interface IngestedBlob extends StoredBlob {
  /** False when an identical file was already in the store (so this ingest added nothing). */
  created: boolean;
}

// Reads, hashes and writes go 4 MiB at a time: big enough that a 1 GB ingest keeps pace with
// `sha256sum` and `cp` (npm run bench), small enough that memory stays flat.
const CHUNK = 4 * 1024 * 1024;

export const storeRoot = (dataDir: string) => join(dataDir, 'evidence');
export const blobPath = (root: string, sha256: string) =>
  join(root, 'sha256', sha256.slice(0, 2), sha256);
const tmpDir = (root: string) => join(root, 'tmp');

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename itself is still atomic there.
    if (flags !== 'r') throw error;
  } finally {
    await handle.close();
  }
}

function describeWriteError(error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOSPC')
    return invalid('the disk is full; nothing was stored. Free some space and try again');
  if (error.code === 'EDQUOT') return invalid('the disk quota is used up; nothing was stored');
  if (error.code === 'EACCES' || error.code === 'EPERM')
    return invalid(`cannot write to the evidence store (${error.code})`);
  return error;
}

/**
 * Streams a source into the store: written to a temporary file while hashing, flushed to disk,
 * then renamed under its hash. A crash at any point leaves no partial file under sha256/; the
 * temporary file is cleared on the next start. Memory use is bounded by one chunk.
 */
export async function ingestStream(
  root: string,
  source: Readable,
  expectedSize: number | null,
  onBytes: (bytes: number) => void,
): Promise<IngestedBlob> {
  const tmp = join(tmpDir(root), `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let bytes = 0;
  const tap = new Transform({
    highWaterMark: CHUNK,
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      bytes += chunk.length;
      onBytes(bytes);
      callback(null, chunk);
    },
  });
  try {
    await makeFolder(tmpDir(root));
    await pipeline(
      source,
      tap,
      createWriteStream(tmp, { flags: 'wx', mode: 0o600, highWaterMark: CHUNK }),
    );
    if (bytes === 0)
      throw invalid('the file is empty (0 bytes); there is nothing to keep as evidence');
    if (expectedSize !== null && bytes !== expectedSize) {
      throw invalid(
        `the file changed while it was being copied (${expectedSize} bytes expected, ${bytes} read); nothing was stored`,
      );
    }
    await fsyncPath(tmp, 'r+');
    const sha256 = hash.digest('hex');
    const final = blobPath(root, sha256);
    const headBuffer = Buffer.concat(head);
    const mediaType = await sniffMediaType(headBuffer, bytes <= SNIFF_BYTES);
    const created = !(await exists(final));
    if (created) {
      await makeFolder(dirname(final));
      await rename(tmp, final);
      await fsyncPath(dirname(final), 'r');
    } else {
      await unlink(tmp);
    }
    return { sha256, size: bytes, mediaType, created };
  } catch (error) {
    await rm(tmp, { force: true });
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'ENOENT' && failure.syscall !== 'open')
      throw invalid('the file disappeared while it was being copied; nothing was stored');
    throw describeWriteError(failure);
  }
}

/**
 * Makes a folder and any missing parents. Not `mkdir({ recursive: true })`: that reports a full
 * disk as ENOENT, which would read as "the file disappeared" instead of "the disk is full".
 */
async function makeFolder(path: string): Promise<void> {
  const make = () =>
    mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  try {
    await make();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error;
    await makeFolder(dirname(path));
    await make();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Opens a file named from outside as a source, refusing anything that is not a readable, non-empty regular file. */
export async function openSourceFile(path: string): Promise<{ stream: Readable; size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`${path}: no such file`);
    if (code === 'EACCES') throw invalid(`${path}: permission denied`);
    throw invalid(`${path}: cannot be read (${code ?? messageOf(error)})`);
  }
  if (info.isDirectory()) throw invalid(`${path} is a folder, not a file`);
  if (!info.isFile())
    throw invalid(`${path} is not a regular file (a device, socket or pipe cannot be evidence)`);
  if (info.size === 0)
    throw invalid(`${path} is empty (0 bytes); there is nothing to keep as evidence`);
  // Opening now turns "unreadable" into a clear message before anything is written.
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw invalid(
      `${path}: cannot be read (${error.code === 'EACCES' ? 'permission denied' : error.code})`,
    );
  });
  // The stream owns the handle and closes it when done or destroyed.
  const stream = handle.createReadStream({ highWaterMark: CHUNK });
  return { stream, size: info.size };
}

/** Rehashes one stored file; `null` when it is missing. */
export async function hashStoredFile(
  root: string,
  sha256: string,
  onBytes: (bytes: number) => void,
): Promise<string | null> {
  const path = blobPath(root, sha256);
  if (!(await exists(path))) return null;
  return sha256OfFile(path, onBytes);
}

/** Every hash with a file in the store (for finding files nothing refers to). */
export async function listStoredHashes(root: string): Promise<string[]> {
  const base = join(root, 'sha256');
  let prefixes: string[];
  try {
    prefixes = await readdir(base);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const prefix of prefixes) {
    for (const name of await readdir(join(base, prefix))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) out.push(name);
    }
  }
  return out;
}

/** Deletes a stored file; returns the bytes freed (0 when it was already gone). */
export async function deleteStoredFile(root: string, sha256: string): Promise<number> {
  const path = blobPath(root, sha256);
  const info = await stat(path).catch(() => null);
  await rm(path, { force: true });
  return info?.size ?? 0;
}

/**
 * Clears temporary files left by an ingest that was interrupted (a crash or a killed process).
 * Only old ones: another process (the CLI beside the app) may be writing a fresh one right now.
 */
export async function clearInterruptedWrites(
  root: string,
  olderThanMs = 60 * 60 * 1000,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir(root));
  } catch {
    return 0;
  }
  let cleared = 0;
  const cutoff = Date.now() - olderThanMs;
  for (const name of names) {
    const path = join(tmpDir(root), name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < cutoff) {
      await rm(path, { force: true });
      cleared += 1;
    }
  }
  return cleared;
}
