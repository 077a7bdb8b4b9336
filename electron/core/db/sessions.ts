import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Which processes have a database open, as one empty file each in `.open-sessions/` beside it,
 * named `<pid>-<random>@<host>`. A mark whose process is gone means that process ended without
 * closing the database (killed, crashed, power lost): the next open then checks every page.
 */
export const SESSIONS_FOLDER = '.open-sessions';

export interface Session {
  /** Some earlier process ended with the database open (or this is the first open we know of). */
  previousEndedUncleanly: boolean;
  /** Marks this process as having closed the database; never throws, safe to call twice. */
  end(): void;
  /** Forgets the marks of processes that are gone, once the check they called for has passed. */
  clearStale(): void;
}

/** This machine's name as it may appear in a file name. */
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'unknown';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a mark shows a process that ended with the database open. A mark made before this
 * machine last started cannot belong to a running process, whatever its number (process ids are
 * used again after a restart). Another machine's marks (a data folder on a shared drive) cannot
 * be judged from here: they are left alone.
 */
function isStale(folder: string, name: string, bootedAt: number): boolean {
  const at = name.lastIndexOf('@');
  const pid = Number(name.slice(0, at > 0 ? at : undefined).split('-')[0]);
  if (at < 0 || !Number.isInteger(pid) || pid <= 0) return true;
  if (name.slice(at + 1) !== HOST) return false;
  if (pid === process.pid) return false;
  try {
    if (statSync(join(folder, name)).mtimeMs < bootedAt) return true;
  } catch {
    return false; // gone already: closed meanwhile
  }
  return !processAlive(pid);
}

const removeQuietly = (path: string) => {
  try {
    rmSync(path, { force: true });
  } catch {
    // A mark that cannot be removed (another account's, a locked file) only costs a full check.
  }
};

/** Records this process's use of `databaseFile`; never throws (a read-only folder just checks). */
export function beginSession(databaseFile: string): Session {
  const folder = join(dirname(databaseFile), SESSIONS_FOLDER);
  const bootedAt = Date.now() - uptime() * 1000;
  let names: string[] | null;
  try {
    names = readdirSync(folder);
  } catch {
    names = null;
  }
  const stale = (names ?? []).filter((name) => isStale(folder, name, bootedAt));
  let mine: string | null = join(
    folder,
    `${process.pid}-${randomBytes(4).toString('hex')}@${HOST}`,
  );
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(mine, '');
  } catch {
    mine = null;
  }
  return {
    previousEndedUncleanly: names === null || stale.length > 0,
    end() {
      if (mine) removeQuietly(mine);
      mine = null;
    },
    clearStale() {
      for (const name of stale) removeQuietly(join(folder, name));
    },
  };
}
