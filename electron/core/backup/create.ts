import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from 'better-sqlite3';
import yazl from 'yazl';
import type { Progress } from '../../../shared/result';
import { invalid } from '../errors';
import { blobPath, listStoredHashes, storeRoot } from '../evidence/store';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  evidenceEntryName,
  MANIFEST_NAME,
  recordCounts,
  type Manifest,
} from './manifest';

export interface CreateBackupOptions {
  db: Database;
  dataDir: string;
  target: string;
  overwrite: boolean;
  appVersion: string;
  now: Date;
  progress: (p: Progress) => void;
}

export interface CreatedBackup {
  path: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  databaseBytes: number;
  evidenceFiles: number;
  evidenceBytes: number;
  counts: Record<string, number>;
  archiveBytes: number;
  alteredFiles: string[];
}

/** How many database pages the online backup copies between turns of the event loop. */
const PAGES_PER_STEP = 4096;

/**
 * Writes a backup archive: an online copy of the database (SQLite's backup API, so the app can go
 * on working meanwhile), every file in the evidence store and a manifest of their SHA-256 hashes.
 * The archive is written beside the target, flushed and renamed into place, so a failure or a
 * crash never leaves a half-written file under the target's name.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const target = resolve(options.target);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw invalid(`${target} is a folder; name a file to write`);
  if (existing && !options.overwrite) {
    throw invalid(`${target} already exists; choose another name, or choose to replace it`, {
      field: 'overwrite',
    });
  }
  const work = await mkdtemp(join(dirname(target), `.${basename(target)}.`)).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw invalid(`the folder ${dirname(target)} does not exist`);
      if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS')
        throw invalid(`cannot write to ${dirname(target)} (${error.code})`);
      throw error;
    },
  );
  try {
    const snapshot = join(work, DATABASE_ENTRY);
    await options.db.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress({
          phase: 'copying the database',
          done: totalPages - remainingPages,
          total: totalPages,
        });
        return PAGES_PER_STEP;
      },
    });
    const facts = snapshotFacts(options.db, snapshot);
    const databaseBytes = (await stat(snapshot)).size;

    const root = storeRoot(options.dataDir);
    const evidence: { hash: string; path: string; size: number }[] = [];
    for (const hash of (await listStoredHashes(root)).sort()) {
      const path = blobPath(root, hash);
      const info = await stat(path).catch(() => null);
      // A file removed since the listing (secure removal) is simply not part of this backup.
      if (info?.isFile()) evidence.push({ hash, path, size: info.size });
    }
    const evidenceBytes = evidence.reduce((sum, f) => sum + f.size, 0);
    const totalBytes = databaseBytes + evidenceBytes;
    let doneBytes = 0;
    const report = (bytes: number) => {
      doneBytes += bytes;
      options.progress({ phase: 'writing the archive', done: doneBytes, total: totalBytes });
    };

    const part = join(work, 'archive.zip');
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(part, { flags: 'wx' }));
    // Until it is awaited at the end, a write failure surfaces through the race in addFile.
    written.catch(() => undefined);
    const mtime = options.now;

    const addFile = async ({
      path,
      name,
      size,
      compress,
    }: {
      path: string;
      name: string;
      size: number;
      compress: boolean;
    }) => {
      const hash = createHash('sha256');
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          report(chunk.length);
          callback(null, chunk);
        },
      });
      const read = createReadStream(path, { highWaterMark: 1024 * 1024 });
      const consumed = new Promise<void>((done, fail) => {
        read.on('error', fail);
        tap.on('end', done);
        tap.on('error', fail);
      });
      zip.addReadStream(read.pipe(tap), name, { size, compress, mtime, mode: 0o100600 });
      await Promise.race([consumed, written.then(() => undefined)]);
      return hash.digest('hex');
    };

    const databaseHash = await addFile({
      path: snapshot,
      name: DATABASE_ENTRY,
      size: databaseBytes,
      compress: true,
    });
    const files: Manifest['evidence'] = [];
    const alteredFiles: string[] = [];
    for (const file of evidence) {
      const name = evidenceEntryName(file.hash);
      // Evidence is mostly PDFs, images and office files, already compressed: stored as it is.
      const sha256 = await addFile({ path: file.path, name, size: file.size, compress: false });
      if (sha256 !== file.hash) alteredFiles.push(file.hash);
      files.push({ path: name, size: file.size, sha256 });
    }

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: options.now.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      counts: facts.counts,
      database: { path: DATABASE_ENTRY, size: databaseBytes, sha256: databaseHash },
      evidence: files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`), MANIFEST_NAME, {
      mtime,
      mode: 0o100600,
    });
    zip.end();
    await written;
    await flush(part, 'r+');
    await rename(part, target);
    await flush(dirname(target), 'r');
    const archiveBytes = (await stat(target)).size;
    return {
      path: target,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      databaseBytes,
      evidenceFiles: files.length,
      evidenceBytes,
      counts: manifest.counts,
      archiveBytes,
      alteredFiles,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw invalid('the disk is full; no backup was written');
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The copy's schema version and record counts, read through the open connection. */
function snapshotFacts(
  db: Database,
  snapshot: string,
): { schemaVersion: number; counts: Record<string, number> } {
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(snapshot);
  try {
    return {
      schemaVersion: db.pragma('backup_copy.user_version', { simple: true }) as number,
      counts: recordCounts(db, 'backup_copy'),
    };
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}

async function flush(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } catch (error) {
    // Windows cannot flush a folder; the rename is still atomic there.
    if (flags === 'r+') throw error;
  } finally {
    await handle.close();
  }
}
