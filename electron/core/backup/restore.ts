import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, open, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Progress } from '../../../shared/result';
import { AppError, messageOf, refused } from '../errors';
import { DATABASE_FILE } from '../data-dir';
import { storeRoot } from '../evidence/store';
import { DATABASE_ENTRY } from './manifest';
import { validateBackup } from './validate';

export interface RestoreOptions {
  dataDir: string;
  archive: string;
  /** Check the archive as a restore would, then stop: nothing in the data folder changes. */
  dryRun?: boolean;
  now?: Date;
  nativeBinding?: string | undefined;
  progress?: (p: Progress) => void;
  /**
   * Called once the archive has passed every check, just before the data folder is touched: a
   * host closes the core here (the app keeps working while a large archive is checked). If it
   * throws, nothing is swapped and the error is the restore's.
   */
  beforeSwap?: () => Promise<void>;
}

export type { RestoreResult };

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const SIDE_FILES = ['-wal', '-shm'];

/**
 * Restores a backup into a data folder. Everything is checked first (see validateBackup), with
 * the archive unpacked inside the data folder so the swap is a few renames on one file system.
 * The database and evidence store being replaced are moved into `before-restore-<time>/` in the
 * data folder, never deleted. Whatever is refused leaves the data folder exactly as it was.
 *
 * No process may have the database open meanwhile: the CLI runs this before it opens the core,
 * the app's host closes its core in `beforeSwap`, and a database that another process holds open
 * is refused.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const archive = resolve(options.archive);
  const now = options.now ?? new Date();
  const progress = options.progress ?? (() => undefined);
  const createdDataDir = !existsSync(dataDir);
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(join(dataDir, '.restore-staging-'));
  try {
    const validated = await validateBackup({
      archive,
      staging,
      nativeBinding: options.nativeBinding,
      progress,
    });
    const { manifest } = validated;
    const evidenceBytes = manifest.evidence.reduce((sum, f) => sum + f.size, 0);
    const result: RestoreResult = {
      archive,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      databaseBytes: manifest.database.size,
      evidenceFiles: manifest.evidence.length,
      evidenceBytes,
      counts: validated.counts,
      restored: false,
      setAside: null,
    };
    if (options.dryRun) return result;

    await options.beforeSwap?.();
    const database = join(dataDir, DATABASE_FILE);
    ensureNotInUse(database, options.nativeBinding);
    const setAside = await swapIn({ dataDir, staging, archive, now });
    return { ...result, restored: true, setAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
    // A refused restore (or a dry run) into a folder that did not exist leaves no empty folder.
    if (createdDataDir) await rmdir(dataDir).catch(() => undefined);
  }
}

/**
 * Refuses when another process has the database open. Leaving WAL mode needs the database to
 * itself, so SQLite answers "busy" while the app or another spqa command is using it; alone, it
 * also folds the write-ahead log into the file, so the file moved aside is complete by itself.
 */
function ensureNotInUse(database: string, nativeBinding: string | undefined): void {
  if (!existsSync(database)) return;
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(database, {
      fileMustExist: true,
      timeout: 250,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw refused(
        'the data folder is in use by another program (the SPQA app, browser mode or an spqa ' +
          'command); close it and try again. Nothing was changed.',
      );
    }
    // A damaged database is no reason to refuse: restoring a backup is its remedy.
  } finally {
    db?.close();
  }
}

interface Move {
  from: string;
  to: string;
}

/**
 * Moves the current database and evidence store aside and the unpacked ones in. The database is
 * replaced last, by one rename over the old file (kept through a hard link where the file system
 * allows), so at no point is there no database at all. A failure part-way undoes what was done.
 */
async function swapIn({
  dataDir,
  staging,
  archive,
  now,
}: {
  dataDir: string;
  /** The folder the backup was unpacked into. */
  staging: string;
  archive: string;
  now: Date;
}): Promise<string | null> {
  const database = join(dataDir, DATABASE_FILE);
  const evidence = storeRoot(dataDir);
  const present = [database, evidence, ...SIDE_FILES.map((s) => database + s)].filter((p) =>
    existsSync(p),
  );
  const aside = present.length > 0 ? join(dataDir, `before-restore-${stamp(now)}`) : null;
  const done: Move[] = [];
  const move = async (from: string, to: string) => {
    await rename(from, to);
    done.push({ from, to });
  };
  let linked: string | null = null;
  try {
    if (aside) {
      await mkdir(aside);
      await writeFile(
        join(aside, 'README.txt'),
        `The SPQA data that was here before ${archive} was restored on ${now.toISOString()}.\n` +
          'To go back, close SPQA and move spqa.db and evidence/ from here into the data folder.\n',
      );
    }
    if (aside && existsSync(evidence)) await move(evidence, join(aside, 'evidence'));
    const stagedEvidence = storeRoot(staging);
    if (existsSync(stagedEvidence)) await move(stagedEvidence, evidence);
    for (const suffix of SIDE_FILES) {
      if (aside && existsSync(database + suffix)) {
        await move(database + suffix, join(aside, DATABASE_FILE + suffix));
      }
    }
    if (aside && existsSync(database)) {
      try {
        await link(database, join(aside, DATABASE_FILE));
        linked = join(aside, DATABASE_FILE);
      } catch {
        await move(database, join(aside, DATABASE_FILE));
      }
    }
    await rename(join(staging, DATABASE_ENTRY), database);
    await flushFolder(dataDir);
    if (aside) await flushFolder(aside);
    return aside;
  } catch (error) {
    await undo({ done, linked, database, stagedDatabase: join(staging, DATABASE_ENTRY) });
    if (error instanceof AppError) throw error;
    throw new AppError(
      'internal',
      `the restore failed while swapping files (${messageOf(error)}); ` +
        'what had been moved was put back',
    );
  }
}

/** Puts back what `swapIn` moved: `linked` is the hard link to the old database, if one was made. */
async function undo({
  done,
  linked,
  database,
  stagedDatabase,
}: {
  done: Move[];
  linked: string | null;
  database: string;
  stagedDatabase: string;
}): Promise<void> {
  // The staged database is renamed last, so if it is in place the failure came after it.
  if (linked && !existsSync(stagedDatabase)) {
    await rename(linked, database).catch(() => undefined);
  } else if (linked) {
    await rm(linked, { force: true });
  }
  for (const { from, to } of done.reverse()) await rename(to, from).catch(() => undefined);
}

async function flushFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch {
    // Windows cannot flush a folder; renames there are durable once they return.
  } finally {
    await handle.close();
  }
}
