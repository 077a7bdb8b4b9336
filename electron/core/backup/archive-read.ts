import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, invalid, messageOf } from '../errors';
import { DATABASE_ENTRY, isEvidenceEntry, MANIFEST_NAME } from './manifest';

/** More entries than a backup of any real data folder could hold: a sign of a hostile file. */
const MAX_ENTRIES = 5_000_000;
/** A manifest lists every evidence file in about 150 bytes; this allows well over a million. */
const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

export interface OpenedArchive {
  zip: ZipFile;
  entries: Map<string, Entry>;
  close(): void;
}

/**
 * Opens a backup archive and reads its directory, refusing anything a backup never holds: names
 * outside its fixed layout (so no path can climb out of the folder it is unpacked into), links,
 * encryption, unknown compression, duplicate names. Nothing is unpacked yet.
 */
export async function openArchive(path: string): Promise<OpenedArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      autoClose: false,
      decodeStrings: true,
      strictFileNames: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw invalid(`${path} is not a readable backup archive (${messageOf(error)})`);
  }
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    if (zip.entryCount > MAX_ENTRIES) {
      throw invalid(`${path} lists ${zip.entryCount} entries; a backup never holds that many`);
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        checkEntry(entry, entries);
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw invalid(`${path} is not a valid backup archive (${messageOf(error)})`);
    }
    return { zip, entries, close };
  } catch (error) {
    close();
    throw error;
  }
}

function checkEntry(entry: Entry, seen: Map<string, Entry>): void {
  const name = entry.fileName;
  const allowed = name === MANIFEST_NAME || name === DATABASE_ENTRY || isEvidenceEntry(name);
  if (!allowed) {
    throw invalid(
      `the archive holds "${name.slice(0, 200)}", which is not part of a backup ` +
        '(only manifest.json, spqa.db and evidence/sha256/…)',
    );
  }
  if (seen.has(name)) throw invalid(`the archive holds "${name}" twice`);
  if (entry.isEncrypted()) throw invalid(`"${name}" in the archive is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw invalid(`"${name}" uses an unknown compression method (${entry.compressionMethod})`);
  }
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  // Archives made on Unix record the file type; only plain files are accepted (no symbolic links).
  if (mode !== 0 && mode !== S_IFREG) throw invalid(`"${name}" in the archive is not a plain file`);
}

/** Reads a small entry (the manifest) into memory, within a size limit. */
export async function readEntryText(archive: OpenedArchive, name: string): Promise<string> {
  const entry = archive.entries.get(name);
  if (!entry) throw invalid(`the archive has no ${name}; it is not an SPQA backup`);
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) {
    throw invalid(`${name} is ${entry.uncompressedSize} bytes, larger than any real manifest`);
  }
  const chunks: Buffer[] = [];
  try {
    const stream = await archive.zip.openReadStreamPromise(entry);
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw invalid(`${name} cannot be read from the archive (${messageOf(error)})`);
  }
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${name} is not valid UTF-8`);
  }
}

/**
 * Unpacks one entry to a new file, hashing it on the way, and flushes it to disk. Its size is
 * held to what the archive declares (a zip bomb stops there) and its hash must be `sha256`.
 */
export async function extractEntry(
  archive: OpenedArchive,
  name: string,
  destination: string,
  expected: { size: number; sha256: string },
  onBytes: (bytes: number) => void,
): Promise<void> {
  const entry = archive.entries.get(name);
  if (!entry) throw invalid(`the archive has no ${name}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > expected.size) {
        callback(invalid(`${name} is larger than the manifest says (${expected.size} bytes)`));
        return;
      }
      hash.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  try {
    const source = await archive.zip.openReadStreamPromise(entry);
    await pipeline(source, tap, createWriteStream(destination, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw invalid('the disk filled up while unpacking the backup');
    throw invalid(`${name} cannot be unpacked (${messageOf(error)})`);
  }
  if (bytes !== expected.size) {
    throw invalid(`${name} holds ${bytes} bytes; the manifest says ${expected.size}`);
  }
  const actual = hash.digest('hex');
  if (actual !== expected.sha256) {
    throw invalid(`${name} does not match the SHA-256 in the manifest; the archive is damaged`);
  }
  const handle = await open(destination, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
