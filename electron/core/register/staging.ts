import { createHash, randomBytes, type Hash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { manifestPayloadSchema, PUBLICATION_FILES } from '../../../shared/register/schema';
import { invalid, messageOf } from '../errors';

export interface WrittenFile {
  /** Path inside the publication, with forward slashes (as the manifest names it). */
  path: string;
  bytes: number;
  sha256: string;
}

const BUFFER_BYTES = 1 << 20;

/**
 * One output file, hashed as it is written, so nothing is read back to hash it. Writers hand it
 * one record at a time; the text is encoded straight into a reused buffer, which goes to disk
 * when full, so a large register never becomes one large string in memory. `close` flushes the
 * file to disk; a publication is only renamed into place once all its files are.
 */
export class FileWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private bytes = 0;
  private fd: number | null;

  constructor(
    absolute: string,
    private readonly path: string,
  ) {
    this.fd = openSync(absolute, 'wx', 0o644);
  }

  write(text: string): void {
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    if (text.length * 3 > BUFFER_BYTES - this.used) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        this.put(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.put(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private put(bytes: Buffer): void {
    if (this.fd === null) throw new Error(`${this.path} is already closed`);
    this.hash.update(bytes);
    let offset = 0;
    while (offset < bytes.length)
      offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
    this.bytes += bytes.length;
  }

  close(): WrittenFile {
    this.flush();
    if (this.fd !== null) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
    }
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Closes without flushing (on failure: the whole staging folder is removed anyway). */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Whatever opens a publication's files: the staging folder, or a writer thread's view of it. */
export interface FileOpener {
  file(path: string): FileWriter;
}

/** A publication path's parts, refusing anything that could lead elsewhere. */
function partsOf(path: string): string[] {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    throw new Error(`not a publication path: ${path}`);
  return parts;
}

/**
 * The files a writer thread opens in a staging folder that the core's thread made (and will
 * flush, rename or remove). The thread closes its own files; on failure it abandons them.
 */
export class ThreadFiles implements FileOpener {
  private readonly writers: FileWriter[] = [];
  constructor(private readonly dir: string) {}

  file(path: string): FileWriter {
    const writer = new FileWriter(join(this.dir, ...partsOf(path)), path);
    this.writers.push(writer);
    return writer;
  }

  abandon(): void {
    for (const w of this.writers) w.abandon();
  }
}

function isDirectory(path: string): boolean | null {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Every top-level name an earlier publication made, from its manifest; null if it is not one. */
function earlierPublication(dir: string): Set<string> | null {
  try {
    const doc = JSON.parse(readFileSync(join(dir, PUBLICATION_FILES.manifest), 'utf8')) as {
      payload?: unknown;
    };
    const manifest = manifestPayloadSchema.safeParse(doc.payload);
    if (!manifest.success) return null;
    return new Set([
      PUBLICATION_FILES.manifest,
      ...manifest.data.files.map((f) => f.path.split('/')[0] ?? f.path),
    ]);
  } catch {
    return null;
  }
}

/**
 * A publication is written into a hidden folder beside its destination and renamed into place
 * only when every file is complete and flushed, so a crash never leaves half a publication.
 * An earlier publication in the destination is replaced whole; a folder holding anything else
 * is refused rather than overwritten.
 */
export class StagingFolder implements FileOpener {
  readonly outDir: string;
  readonly dir: string;
  private readonly writers: FileWriter[] = [];
  private readonly folders = new Set<string>();
  private replaces: 'nothing' | 'empty' | 'publication' = 'nothing';

  constructor(outDir: string) {
    this.outDir = resolve(outDir);
    if (dirname(this.outDir) === this.outDir)
      throw invalid(`${outDir}: choose a folder to publish into, not the root of a disk`);
    recoverInterrupted(this.outDir);
    const state = isDirectory(this.outDir);
    if (state === false) throw invalid(`${outDir} is a file; choose a folder to publish into`);
    if (state) {
      const names = readdirSync(this.outDir);
      if (names.length === 0) this.replaces = 'empty';
      else {
        const known = earlierPublication(this.outDir);
        const foreign = known ? names.filter((n) => !known.has(n)) : names;
        if (!known || foreign.length > 0)
          throw invalid(
            `${outDir} already holds files that are not part of a register publication (for example "${foreign[0] ?? names[0]}"); choose an empty or new folder`,
            { field: 'outDir' },
          );
        this.replaces = 'publication';
      }
    }
    const parent = dirname(this.outDir);
    try {
      mkdirSync(parent, { recursive: true });
    } catch (error) {
      throw invalid(`${parent}: the folder cannot be created (${messageOf(error)})`, {
        field: 'outDir',
      });
    }
    this.dir = join(parent, `.${basename(this.outDir)}.building-${randomBytes(6).toString('hex')}`);
    try {
      mkdirSync(this.dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw invalid(
        code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? `${parent}: permission denied`
          : `${parent}: cannot write here (${messageOf(error)})`,
        { field: 'outDir' },
      );
    }
  }

  /** Opens a new file in the publication, e.g. `register.json` or `oruk/services.json`. */
  file(path: string): FileWriter {
    const parts = partsOf(path);
    const name = parts.pop() ?? '';
    const writer = new FileWriter(join(this.folder(parts.join('/')), name), path);
    this.writers.push(writer);
    return writer;
  }

  /**
   * Makes a folder of the publication ('' for its top), flushed with the rest at commit, and
   * returns where it is (a writer thread opens its files there).
   */
  folder(path: string): string {
    const absolute = path === '' ? this.dir : join(this.dir, ...partsOf(path));
    mkdirSync(absolute, { recursive: true });
    this.folders.add(absolute);
    return absolute;
  }

  /** Renames the finished publication into place, replacing the earlier one. */
  commit(): void {
    const parent = dirname(this.outDir);
    for (const dir of this.folders) syncDirectory(dir);
    if (this.replaces === 'publication') {
      const old = join(parent, `.${basename(this.outDir)}.old-${randomBytes(6).toString('hex')}`);
      renameSync(this.outDir, old);
      renameSync(this.dir, this.outDir);
      rmSync(old, { recursive: true, force: true });
    } else {
      if (this.replaces === 'empty') rmdirSync(this.outDir);
      renameSync(this.dir, this.outDir);
    }
    syncDirectory(parent);
  }

  abort(): void {
    for (const w of this.writers) w.abandon();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Tidies up after a build that was killed: half-written `.NAME.building-*` folders are removed,
 * and if it died between moving the earlier publication aside and renaming the new one into
 * place, the earlier one (`.NAME.old-*`) is put back, so the destination is never left empty.
 */
function recoverInterrupted(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const path = join(parent, name);
    if (/^old-[0-9a-f]{12}$/.test(rest) && isDirectory(outDir) === null) renameSync(path, outDir);
    else if (/^(building|old)-[0-9a-f]{12}$/.test(rest))
      rmSync(path, { recursive: true, force: true });
  }
}

function syncDirectory(path: string): void {
  // Directory fsync makes the renames durable on POSIX; Windows cannot open a folder for it.
  if (sep === '\\') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
