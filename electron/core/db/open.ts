import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError, messageOf } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { beginSession, type Session } from './sessions';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's differs from Node's). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  /** Used in names of backups and set-aside files. */
  now?: () => Date;
  /** Databases up to this size get every page checked on every open (see FULL_CHECK_BYTES). */
  fullCheckBytes?: number;
}

export interface OpenedDatabase {
  db: Database;
  journalMode: string;
  schemaVersion: number;
  /** Path of the backup taken before migrating, when one was needed. */
  backupPath: string | null;
  /** Whether this open checked every page (PRAGMA quick_check) or only the header and schema. */
  checked: 'every page' | 'header and schema' | 'new database';
  /** Call when the database is closed: the next open then knows this process ended cleanly. */
  endSession: () => void;
}

/**
 * Checking every page costs about a second per 350 MB, 14 s for a national register of 5 GB, on
 * every start of the app and every CLI command. Up to this size it is always done; above it,
 * only after a process ended with the database open (killed, crashed, power lost), which is
 * when damage is likely. Otherwise the header and schema are read, which finds a file that is not
 * a database at all; damage deeper in a large file is found when those pages are read.
 */
export const FULL_CHECK_BYTES = 256 * 1024 * 1024;

function checkOnOpen(db: Database, full: boolean): string {
  if (full) return String(db.pragma('quick_check', { simple: true }));
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  return 'ok';
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

function connect(file: string, nativeBinding: string | undefined): Database {
  return new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
}

/**
 * Opens (creating if needed) the database, checks it is healthy and brings its schema up to date.
 * A damaged file is moved aside, never overwritten; a file from a newer app is left untouched.
 */
export async function openDatabase(
  file: string,
  options: OpenOptions = {},
): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file);

  let db: Database | undefined;
  const session: Session = beginSession(file);
  let checked: OpenedDatabase['checked'] = 'new database';
  try {
    db = connect(file, options.nativeBinding);
    if (existed) {
      const full =
        session.previousEndedUncleanly ||
        statSync(file).size <= (options.fullCheckBytes ?? FULL_CHECK_BYTES);
      checked = full ? 'every page' : 'header and schema';
      const check = checkOnOpen(db, full);
      // The report can run over several lines; keep the message to one.
      if (check !== 'ok') throw new Error(check.trim().replace(/\s*\n\s*/g, '; '));
    }
  } catch (error) {
    db?.close();
    session.end();
    const reason = messageOf(error);
    if (!existed)
      throw new AppError('internal', `cannot create the database at ${file}: ${reason}`);
    const aside = `${file}.damaged-${stamp(now())}`;
    renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    throw new AppError(
      'internal',
      `the database at ${file} is damaged (${reason}); it was moved to ${aside}. ` +
        'Restore a backup, or start again and a new empty database will be created.',
    );
  }

  // Checked and healthy: the marks that called for the check are no longer needed.
  session.clearStale();

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) {
    db.close();
    session.end();
    throw new AppError(
      'refused',
      `the database at ${file} was written by a newer version of spqa (schema ${version}; ` +
        `this version understands up to ${latest}). Install the newer version; nothing was changed.`,
    );
  }

  const opened = db;
  try {
    const requested = opened.pragma('journal_mode = WAL', { simple: true }) as string;
    // Some file systems (network shares) refuse WAL; fall back to a rollback journal.
    const journalMode =
      requested === 'wal'
        ? 'wal'
        : (opened.pragma('journal_mode = DELETE', { simple: true }) as string);
    opened.pragma('foreign_keys = ON');
    opened.pragma('synchronous = FULL');
    opened.pragma('busy_timeout = 5000');

    const pending = migrations
      .filter((m) => m.version > version)
      .sort((a, b) => a.version - b.version);
    let backupPath: string | null = null;
    if (pending.length > 0 && version > 0) {
      backupPath = `${file}.before-schema-${latest}-${stamp(now())}.bak`;
      await opened.backup(backupPath);
    }
    if (pending.length > 0) {
      const run = opened.transaction(() => {
        for (const migration of pending) migration.up(opened);
        opened.pragma(`user_version = ${latest}`);
      });
      run.immediate();
    }
    return {
      db: opened,
      journalMode,
      schemaVersion: latest,
      backupPath,
      checked,
      endSession: () => session.end(),
    };
  } catch (error) {
    // A failed migration has rolled back; close the file rather than leak the connection.
    opened.close();
    session.end();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
