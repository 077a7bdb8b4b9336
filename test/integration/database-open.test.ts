import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { openDatabase } from '../../electron/core/db/open';
import { SESSIONS_FOLDER } from '../../electron/core/db/sessions';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migrations/types';
import { AppError } from '../../electron/core/errors';
import { openTestCore, unwrap } from '../helpers/core';
import { tableNames } from '../helpers/db-dump';
import { RESOURCES_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

/** This machine's name as the session marks write it. */
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'unknown';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const openIn = (dataDir: string) =>
  openCore({ dataDir, resourcesDir: RESOURCES_DIR, validateOutput: true, actor: 'tester' });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

/** A data folder with a database of 200 providers, closed cleanly, and two pages scribbled on. */
async function damagedAfterCleanClose(): Promise<{ dataDir: string; file: string }> {
  const dataDir = tempDir();
  const core = await openTestCore({ dataDir });
  for (let count = 0; count < 200; count += 1) {
    unwrap(await core.invoke('providers.create', { name: `Provider ${count}`, type: 'both' }));
  }
  core.close();
  const file = join(dataDir, DATABASE_FILE);
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  // Scribble over two pages in the middle of the file, as a failing disk might.
  for (let at = pageSize * 3; at < pageSize * 5; at += 1) bytes[at] = (at * 31) % 256;
  writeFileSync(file, bytes);
  return { dataDir, file };
}

describe('a new database', () => {
  it('is created from empty at the latest schema, with STRICT tables, WAL and foreign keys', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const core = await openTestCore({ dataDir });
    const db = core.context.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    const foundation = [
      'assessments',
      'audit_log',
      'frameworks',
      'improvement_actions',
      'providers',
      'ratings',
      'services',
      'settings',
    ];
    const tables = tableNames(db);
    expect(tables).toEqual(expect.arrayContaining(foundation));
    const strict = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'",
      )
      .all() as { name: string; strict: number }[];
    // Every table, including those later migrations add, is STRICT.
    for (const name of tables) expect(strict.find((t) => t.name === name)?.strict, name).toBe(1);

    const info = unwrap(await core.invoke('system.info', {}));
    expect(info).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      journalMode: 'wal',
      databasePath: join(dataDir, DATABASE_FILE),
      actor: 'tester',
    });
  });

  it('installs the bundled framework once, however often it is opened', async () => {
    const dataDir = tempDir();
    const first = await openTestCore({ dataDir });
    const installed = unwrap(await first.invoke('frameworks.list', {}));
    expect(installed.map((f) => `${f.id}@${f.version}`)).toEqual(['spqa-national@1.0.0']);
    first.close();
    const second = await openTestCore({ dataDir });
    expect(unwrap(await second.invoke('frameworks.list', {}))).toEqual(installed);
    const entries = unwrap(await second.invoke('audit.list', { limit: 100 }));
    expect(entries.filter((e) => e.action === 'framework.installed')).toHaveLength(1);
  });

  it('refuses STRICT-violating and constraint-breaking writes at the database level', async () => {
    const core = await openTestCore();
    const db = core.context.db;
    const insert = (type: string) =>
      db
        .prepare(
          `INSERT INTO providers (id, name, name_key, type, created_at, updated_at)
           VALUES (?, 'X', 'x', ?, 'now', 'now')`,
        )
        .run(`prv_${type}`, type);
    expect(() => insert('charity')).toThrow(/CHECK constraint/);
    expect(() =>
      db.prepare("INSERT INTO settings (key, value) VALUES ('k', ?)").run(Buffer.from([1])),
    ).toThrow(/cannot store BLOB/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO services (id, provider_id, name, category, referral_route, self_referral,
             accepting_referrals, capacity_confirmed_on, created_at, updated_at)
           VALUES ('svc_x', 'prv_missing', 'S', 'arts', 'any-agency', 0, 1, 'd', 'n', 'n')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('a database written by a newer version', () => {
  it('is refused with a message, and its bytes are left exactly as they were', async () => {
    const dataDir = tempDir();
    const core = await openTestCore({ dataDir });
    unwrap(await core.invoke('providers.create', { name: 'Kept Safe Trust', type: 'both' }));
    core.close();
    const file = join(dataDir, DATABASE_FILE);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 90}`);
    raw.close();
    const before = sha256(file);
    const filesBefore = readdirSync(dataDir).sort();

    const error = await rejection(openIn(dataDir));
    expect(error.code).toBe('refused');
    expect(error.message).toContain('newer version of spqa');
    expect(error.message).toContain(`schema ${LATEST_SCHEMA_VERSION + 90}`);
    expect(error.message).toContain('nothing was changed');
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
  });
});

describe('a damaged database file', () => {
  it('is moved aside, unchanged, with a clear error; the next open starts afresh', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const garbage = Buffer.alloc(8192);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919) % 251;
    writeFileSync(file, garbage);

    const error = await rejection(openIn(dataDir));
    expect(error.code).toBe('internal');
    expect(error.message).toContain(`the database at ${file} is damaged`);
    expect(error.message).toMatch(/moved to .*spqa\.db\.damaged-/);
    expect(existsSync(file)).toBe(false);
    const aside = readdirSync(dataDir).filter((name) =>
      name.startsWith(`${DATABASE_FILE}.damaged-`),
    );
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] as string))).toEqual(garbage);

    const fresh = await openTestCore({ dataDir });
    expect(unwrap(await fresh.invoke('providers.list', {})).total).toBe(0);
  });
  it('is moved aside when its pages are corrupt, with the problem on one line', async () => {
    const { dataDir, file } = await damagedAfterCleanClose();

    const error = await rejection(openIn(dataDir));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('is damaged');
    expect(error.message).not.toContain('\n');
    expect(existsSync(file)).toBe(false);
  });
});

describe('checking a large database on open', () => {
  it('records each process that has it open, and forgets it when closed', async () => {
    const dataDir = tempDir();
    const core = await openTestCore({ dataDir });
    const sessions = join(dataDir, SESSIONS_FOLDER);
    expect(readdirSync(sessions)).toEqual([
      expect.stringMatching(new RegExp(`^${process.pid}-[0-9a-f]{8}@`)),
    ]);
    core.close();
    expect(readdirSync(sessions)).toEqual([]);
  });

  /** A data folder whose database was opened once and closed cleanly. */
  async function closedCleanly(): Promise<{ dataDir: string; file: string }> {
    const dataDir = tempDir();
    (await openTestCore({ dataDir })).close();
    return { dataDir, file: join(dataDir, DATABASE_FILE) };
  }

  /** Opens `file` as a database above the size limit, closes it, and says how it was checked. */
  async function checkedAsLarge(file: string): Promise<string> {
    const opened = await openDatabase(file, { fullCheckBytes: 0 });
    opened.db.close();
    opened.endSession();
    return opened.checked;
  }

  it('reads only the header and schema when every earlier process closed it (above the size limit)', async () => {
    const { file } = await damagedAfterCleanClose();
    // The scribbled pages are not read on open: above the limit, a clean history is trusted.
    expect(await checkedAsLarge(file)).toBe('header and schema');
    // Below the limit every page is checked, whatever the history, and the damage is found.
    await expect(openDatabase(file)).rejects.toThrow(/is damaged/);
  });

  it('checks every page after a process ended with it open, and finds the damage', async () => {
    const { dataDir, file } = await damagedAfterCleanClose();
    // A process that had it open and is gone (killed, crashed): its mark is still there.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dataDir, SESSIONS_FOLDER, `${gone}-deadbeef@${HOST}`), '');
    const error = await rejection(openDatabase(file, { fullCheckBytes: 0 }));
    expect(error.message).toContain('is damaged');
    expect(existsSync(file)).toBe(false);
  });

  it('forgets a gone process once the full check has passed, so the next open is quick', async () => {
    const { dataDir, file } = await closedCleanly();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = join(dataDir, SESSIONS_FOLDER, `${gone}-deadbeef@${HOST}`);
    writeFileSync(stale, '');
    expect(await checkedAsLarge(file)).toBe('every page');
    expect(existsSync(stale)).toBe(false);
    expect(await checkedAsLarge(file)).toBe('header and schema');
  });

  it('takes a mark made before the machine last started as a crash, whatever its process id', async () => {
    const { dataDir, file } = await closedCleanly();
    // The id of a process that is running now (this one's parent), as after a restart ids are
    // used again: the mark's date, before the start, is what tells.
    const mark = join(dataDir, SESSIONS_FOLDER, `${process.ppid}-0badf00d@${HOST}`);
    writeFileSync(mark, '');
    const beforeStart = new Date(Date.now() - uptime() * 1000 - 60_000);
    utimesSync(mark, beforeStart, beforeStart);
    expect(await checkedAsLarge(file)).toBe('every page');
    expect(existsSync(mark)).toBe(false);
  });

  it('leaves another machine’s marks alone (a data folder on a shared drive)', async () => {
    const { dataDir, file } = await closedCleanly();
    const other = join(dataDir, SESSIONS_FOLDER, '4242-cafef00d@another-machine');
    writeFileSync(other, '');
    expect(await checkedAsLarge(file)).toBe('header and schema');
    expect(existsSync(other)).toBe(true);
  });

  it('does not take a mark it cannot remove for damage', async () => {
    const { dataDir, file } = await closedCleanly();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    // A folder where a mark should be: removing it fails.
    mkdirSync(join(dataDir, SESSIONS_FOLDER, `${gone}-deadbeef@${HOST}`, 'inside'), {
      recursive: true,
    });
    expect(await checkedAsLarge(file)).toBe('every page');
    expect(existsSync(file)).toBe(true);
  });

  it('still refuses a file that is not a database without the full check', async () => {
    const { file } = await closedCleanly();
    writeFileSync(file, Buffer.alloc(8192, 7));
    const error = await rejection(openDatabase(file, { fullCheckBytes: 0 }));
    expect(error.message).toContain('is damaged');
  });
});

describe('migrations', () => {
  const v10: Migration = {
    version: 10,
    name: 'notes',
    up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
  };
  const v20: Migration = {
    version: 20,
    name: 'note titles',
    up: (db) => db.exec("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT 'untitled'"),
  };

  it('takes no backup of a brand-new database', async () => {
    const file = join(tempDir(), 'app.db');
    const opened = await openDatabase(file, { migrations: [v10] });
    expect(opened.backupPath).toBeNull();
    expect(opened.schemaVersion).toBe(10);
    opened.db.close();
  });

  it('backs up an existing database before upgrading it from version 10 to 20', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const first = await openDatabase(file, { migrations: [v10] });
    first.db.prepare("INSERT INTO notes (body) VALUES ('before the upgrade')").run();
    first.db.close();

    const upgraded = await openDatabase(file, {
      migrations: [v10, v20],
      now: () => new Date('2025-03-04T05:06:07.000Z'),
    });
    expect(upgraded.schemaVersion).toBe(20);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(20);
    expect(upgraded.db.prepare('SELECT body, title FROM notes').all()).toEqual([
      { body: 'before the upgrade', title: 'untitled' },
    ]);
    upgraded.db.close();

    expect(upgraded.backupPath).toBe(`${file}.before-schema-20-2025-03-04T05-06-07-000Z.bak`);
    const backup = new BetterSqlite3(upgraded.backupPath as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(10);
    expect(backup.prepare('SELECT * FROM notes').all()).toEqual([
      { id: 1, body: 'before the upgrade' },
    ]);
    backup.close();
  });

  it('takes no backup when nothing is pending', async () => {
    const file = join(tempDir(), 'app.db');
    (await openDatabase(file, { migrations: [v10] })).db.close();
    const again = await openDatabase(file, { migrations: [v10] });
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('runs all pending migrations in one transaction: a failure leaves the old version intact', async () => {
    const file = join(tempDir(), 'app.db');
    (await openDatabase(file, { migrations: [v10] })).db.close();
    const broken: Migration = {
      version: 30,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        throw new Error('migration 30 failed');
      },
    };
    await expect(openDatabase(file, { migrations: [v10, v20, broken] })).rejects.toThrow(
      'migration 30 failed',
    );
    // The connection was closed, not leaked: the last connection to close removes the WAL file.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    expect(tableNames(after)).toEqual(['notes']);
    expect(after.prepare("SELECT name FROM pragma_table_info('notes')").pluck().all()).toEqual([
      'id',
      'body',
    ]);
    after.close();
  });
});
