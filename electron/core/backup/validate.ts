import { mkdir, stat, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Progress } from '../../../shared/result';
import { AppError, fromZod, invalid, messageOf, refused } from '../errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { extractEntry, openArchive, readEntryText } from './archive-read';
import {
  DATABASE_ENTRY,
  MANIFEST_NAME,
  manifestSchema,
  recordCounts,
  type Manifest,
} from './manifest';

export interface ValidatedBackup {
  manifest: Manifest;
  /** Where the database and evidence were unpacked (as `spqa.db` and `evidence/`). */
  staging: string;
  counts: Record<string, number>;
}

export interface ValidateOptions {
  archive: string;
  /** An empty folder to unpack into, on the file system the data will be restored to. */
  staging: string;
  nativeBinding?: string | undefined;
  progress: (p: Progress) => void;
}

/** Room left free beyond the unpacked size, so a restore never fills the disk to the last byte. */
const SPARE_BYTES = 64 * 1024 * 1024;
/** Tables every SPQA database has had since its first schema. */
const CORE_TABLES = ['settings', 'frameworks', 'providers', 'assessments', 'audit_log'];

/**
 * Checks a backup archive all the way through, unpacking it into `staging`: only known names,
 * a manifest that lists exactly what the archive holds, every size and SHA-256 as listed, and a
 * database that opens, passes `PRAGMA integrity_check` and is not from a newer version of SPQA.
 * Throws with the first problem; the caller removes `staging` either way.
 */
export async function validateBackup(options: ValidateOptions): Promise<ValidatedBackup> {
  const info = await stat(options.archive).catch(() => null);
  if (!info) throw invalid(`${options.archive}: no such file`);
  if (!info.isFile()) throw invalid(`${options.archive} is not a file`);

  const archive = await openArchive(options.archive);
  try {
    const manifest = parseManifest(await readEntryText(archive, MANIFEST_NAME));
    const listed = new Map(
      [manifest.database, ...manifest.evidence].map((file) => [file.path, file]),
    );
    for (const [name, entry] of archive.entries) {
      if (name === MANIFEST_NAME) continue;
      const file = listed.get(name);
      if (!file) throw invalid(`the archive holds ${name}, which its manifest does not list`);
      if (entry.uncompressedSize !== file.size) {
        throw invalid(
          `${name} is ${entry.uncompressedSize} bytes in the archive but ${file.size} in the manifest`,
        );
      }
    }
    for (const name of listed.keys()) {
      if (!archive.entries.has(name)) throw invalid(`the manifest lists ${name}, which is missing`);
    }

    const total = [...listed.values()].reduce((sum, file) => sum + file.size, 0);
    await checkSpace(options.staging, total);

    let done = 0;
    const onBytes = (bytes: number) => {
      done += bytes;
      options.progress({ phase: 'checking the backup', done, total });
    };
    await extractEntry(
      archive,
      DATABASE_ENTRY,
      join(options.staging, DATABASE_ENTRY),
      manifest.database,
      onBytes,
    );
    const madeFolders = new Set<string>();
    for (const file of manifest.evidence) {
      const destination = join(options.staging, file.path);
      const folder = dirname(destination);
      if (!madeFolders.has(folder)) {
        await mkdir(folder, { recursive: true });
        madeFolders.add(folder);
      }
      await extractEntry(archive, file.path, destination, file, onBytes);
    }
    const counts = checkDatabase(join(options.staging, DATABASE_ENTRY), manifest, options);
    return { manifest, staging: options.staging, counts };
  } finally {
    archive.close();
  }
}

function parseManifest(text: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(`manifest.json is not valid JSON (${messageOf(error)})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'manifest.json');
  return parsed.data;
}

async function checkSpace(folder: string, bytes: number): Promise<void> {
  const fs = await statfs(folder).catch(() => null);
  if (!fs) return;
  const free = fs.bavail * fs.bsize;
  if (bytes + SPARE_BYTES > free) {
    throw invalid(
      `the backup unpacks to ${bytes} bytes but the disk has ${free} free; nothing was changed`,
    );
  }
}

/** Opens the unpacked database and checks it is whole, an SPQA database and not too new. */
function checkDatabase(
  file: string,
  manifest: Manifest,
  options: ValidateOptions,
): Record<string, number> {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw invalid(`the database in the backup cannot be opened (${messageOf(error)})`);
  }
  try {
    let report: string;
    try {
      report = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join('; ');
    } catch (error) {
      throw invalid(`the database in the backup is damaged (${messageOf(error)})`);
    }
    if (report !== 'ok') {
      throw invalid(`the database in the backup is damaged (${report.slice(0, 500)})`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
    );
    if (version === 0 || CORE_TABLES.some((t) => !tables.has(t))) {
      throw invalid('the database in the backup is not an SPQA database');
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw refused(
        `the backup was made by a newer version of spqa (schema ${version}; this version ` +
          `understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version to restore it.`,
      );
    }
    if (version !== manifest.schemaVersion) {
      throw invalid(
        `the database is at schema ${version} but the manifest says ${manifest.schemaVersion}`,
      );
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw invalid(`the database in the backup has ${broken.length} broken references`);
    }
    return recordCounts(db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`the database in the backup cannot be read (${messageOf(error)})`);
  } finally {
    db.close();
  }
}
