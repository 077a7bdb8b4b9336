import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, invalid, messageOf } from '../errors';
import { LIMITS } from './limits';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
/** Size of a local file header before its name and extra field. */
const LOCAL_HEADER_BYTES = 30;

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  entry: Entry;
}

export interface SafeZip {
  /** Every entry by name, each already checked (see `openSafeZip`). */
  entries: Map<string, ZipEntryInfo>;
  /** Reads an entry whole (small entries only), holding it to `maxBytes`. */
  readBytes(name: string, maxBytes: number): Promise<Buffer>;
  /** Streams an entry; yauzl holds the data to the declared size. */
  openStream(name: string): Promise<Readable>;
  /** Streams an entry through SHA-256 without keeping it; returns the hash and byte count. */
  hashEntry(
    name: string,
    onBytes: (bytes: number) => void,
  ): Promise<{ sha256: string; size: number }>;
  close(): void;
}

const refuse = (message: string) => invalid(`not a safe bundle: ${message}`);

/**
 * Decodes an entry name strictly: UTF-8 when the zip says so, otherwise plain ASCII (the older
 * code page would let two different byte strings read as one name).
 */
function decodeName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  if (raw.length === 0) throw refuse('an entry has no name');
  if (raw.length > LIMITS.nameBytes)
    throw refuse(`an entry name is ${raw.length} bytes long (the limit is ${LIMITS.nameBytes})`);
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) === 0 && raw.some((b) => b > 0x7e)) {
    throw refuse('an entry name is not plain ASCII or marked as UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw refuse('an entry name is not valid UTF-8');
  }
}

/** Names that could write outside a folder if unpacked, or mean different files on different systems. */
function checkName(name: string): void {
  const shown = JSON.stringify(name.slice(0, 120));
  // Control characters (a newline or NUL in a name) are what must go.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw refuse(`entry ${shown} has a control character in its name`);
  if (name.includes('\\'))
    throw refuse(`entry ${shown} has a backslash in its name (a Windows path separator)`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    throw refuse(`entry ${shown} has an absolute path`);
  const parts = name.split('/');
  if (parts.includes('..')) throw refuse(`entry ${shown} climbs out of the bundle with ".."`);
  if (parts.some((p, i) => p === '.' || (p === '' && i < parts.length - 1)))
    throw refuse(`entry ${shown} has an empty or "." path segment`);
}

function checkEntry(entry: Entry, name: string): void {
  const shown = JSON.stringify(name.slice(0, 120));
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) throw refuse(`entry ${shown} is a symbolic link`);
  if (madeOnUnix && mode !== 0 && mode !== S_IFREG)
    throw refuse(`entry ${shown} is not a plain file (a folder, device or pipe)`);
  if (name.endsWith('/')) throw refuse(`entry ${shown} is a folder`);
  if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0)
    throw refuse(`entry ${shown} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw refuse(`entry ${shown} uses an unknown compression method (${entry.compressionMethod})`);
  if (entry.uncompressedSize > LIMITS.entryBytes)
    throw refuse(
      `entry ${shown} declares ${entry.uncompressedSize} bytes unpacked, over the limit of ${LIMITS.entryBytes}`,
    );
  if (
    entry.uncompressedSize > LIMITS.ratioExemptBytes &&
    entry.uncompressedSize > entry.compressedSize * LIMITS.compressionRatio
  ) {
    throw refuse(
      `entry ${shown} would unpack from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, ` +
        `more than ${LIMITS.compressionRatio} times: a zip bomb`,
    );
  }
  if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize)
    throw refuse(`entry ${shown} is stored uncompressed but declares two different sizes`);
}

/** Entries whose data would share bytes (the "overlapping files" zip bomb) are refused. */
function checkNoOverlap(list: ZipEntryInfo[]): void {
  const sorted = [...list].sort(
    (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
  );
  for (let i = 1; i < sorted.length; i += 1) {
    const before = sorted[i - 1] as ZipEntryInfo;
    const after = sorted[i] as ZipEntryInfo;
    const end =
      before.entry.relativeOffsetOfLocalHeader +
      LOCAL_HEADER_BYTES +
      before.entry.fileNameLength +
      before.compressedSize;
    if (end > after.entry.relativeOffsetOfLocalHeader)
      throw refuse(
        `entries ${JSON.stringify(before.name)} and ${JSON.stringify(after.name)} overlap`,
      );
  }
}

function describeOpenError(error: Error): AppError {
  const message = error.message;
  if (
    /end of central directory|unexpected EOF|invalid .*signature|truncated|not enough/i.test(
      message,
    )
  )
    return invalid(
      `not a complete .spqa bundle: the file is truncated or damaged, or not a zip (${message})`,
    );
  return invalid(`not a readable .spqa bundle (${message})`);
}

/**
 * Opens a bundle and checks its directory before any entry is read: names (no absolute paths,
 * "..", backslashes, control characters), types (no links, folders or devices), duplicates,
 * encryption, compression, declared sizes against the limits and against each other, and the
 * total. Only then can entries be read, each held to its declared size by the reader.
 */
export async function openSafeZip(path: string): Promise<SafeZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`${path}: no such file`);
    if (code === 'EACCES') throw invalid(`${path}: permission denied`);
    if (code === 'EISDIR') throw invalid(`${path} is a folder, not a bundle`);
    throw describeOpenError(error as Error);
  }
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    if (zip.entryCount > LIMITS.entries)
      throw refuse(`it lists ${zip.entryCount} entries (the limit is ${LIMITS.entries})`);
    const entries = new Map<string, ZipEntryInfo>();
    const folded = new Map<string, string>();
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = decodeName(entry);
        checkName(name);
        checkEntry(entry, name);
        if (entries.has(name)) throw refuse(`entry ${JSON.stringify(name)} appears twice`);
        const key = name.toLowerCase();
        const clash = folded.get(key);
        if (clash !== undefined)
          throw refuse(
            `entries ${JSON.stringify(clash)} and ${JSON.stringify(name)} differ only in case`,
          );
        folded.set(key, name);
        total += entry.uncompressedSize;
        if (total > LIMITS.totalBytes)
          throw refuse(`it declares more than ${LIMITS.totalBytes} bytes unpacked in all`);
        entries.set(name, {
          name,
          size: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
          entry,
        });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw describeOpenError(error as Error);
    }
    checkNoOverlap([...entries.values()]);

    const get = (name: string): ZipEntryInfo => {
      const info = entries.get(name);
      if (!info) throw invalid(`the bundle has no ${name}`);
      return info;
    };
    const openStream = async (name: string): Promise<Readable> => {
      try {
        return await zip.openReadStreamPromise(get(name).entry);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw invalid(`${name} cannot be read from the bundle (${messageOf(error)})`);
      }
    };
    return {
      entries,
      close,
      openStream,
      async readBytes(name, maxBytes) {
        const info = get(name);
        if (info.size > maxBytes)
          throw refuse(`${name} declares ${info.size} bytes (the limit is ${maxBytes})`);
        const chunks: Buffer[] = [];
        let bytes = 0;
        try {
          for await (const chunk of await openStream(name)) {
            bytes += (chunk as Buffer).length;
            if (bytes > maxBytes) throw refuse(`${name} is larger than ${maxBytes} bytes`);
            chunks.push(chunk as Buffer);
          }
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw invalid(`${name} cannot be read from the bundle (${messageOf(error)})`);
        }
        return Buffer.concat(chunks);
      },
      async hashEntry(name, onBytes) {
        const hash = createHash('sha256');
        let size = 0;
        try {
          for await (const chunk of await openStream(name)) {
            hash.update(chunk as Buffer);
            size += (chunk as Buffer).length;
            onBytes((chunk as Buffer).length);
          }
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw invalid(`${name} cannot be read from the bundle (${messageOf(error)})`);
        }
        return { sha256: hash.digest('hex'), size };
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}
