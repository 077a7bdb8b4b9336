import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's differs from Node's). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  /** Used in names of backups and set-aside files. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  journalMode: string;
  schemaVersion: number;
  /** Path of the backup taken before migrating, when one was needed. */
  backupPath: string | null;
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
  try {
    db = connect(file, options.nativeBinding);
    if (existed) {
      const check = String(db.pragma('quick_check', { simple: true }));
      // The report can run over several lines; keep the message to one.
      if (check !== 'ok') throw new Error(check.trim().replace(/\s*\n\s*/g, '; '));
    }
  } catch (error) {
    db?.close();
    const reason = (error as Error).message;
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

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) {
    db.close();
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
    return { db: opened, journalMode, schemaVersion: latest, backupPath };
  } catch (error) {
    // A failed migration has rolled back; close the file rather than leak the connection.
    opened.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
