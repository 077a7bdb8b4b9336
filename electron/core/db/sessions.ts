import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Which processes have a database open, as one empty file each in `.open-sessions/` beside it,
 * named by process id. A file whose process is gone means that process ended without closing
 * the database (killed, crashed, power lost): the next open then checks every page before use.
 */
export const SESSIONS_FOLDER = '.open-sessions';

export interface Session {
  /** Some earlier process ended with the database open (or this is the first open we know of). */
  previousEndedUncleanly: boolean;
  /** Marks this process as having closed the database; safe to call twice. */
  end(): void;
  /** Forgets the marks of processes that are gone, once the check they called for has passed. */
  clearStale(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records this process's use of `databaseFile`; never throws (a read-only folder just checks). */
export function beginSession(databaseFile: string): Session {
  const folder = join(dirname(databaseFile), SESSIONS_FOLDER);
  let names: string[] | null;
  try {
    names = readdirSync(folder);
  } catch {
    names = null;
  }
  const stale = (names ?? []).filter((name) => {
    const pid = Number(name.split('-')[0]);
    return !Number.isInteger(pid) || (pid !== process.pid && !processAlive(pid));
  });
  let mine: string | null = join(folder, `${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(mine, '');
  } catch {
    mine = null;
  }
  return {
    previousEndedUncleanly: names === null || stale.length > 0,
    end() {
      if (mine) rmSync(mine, { force: true });
      mine = null;
    },
    clearStale() {
      for (const name of stale) rmSync(join(folder, name), { force: true });
    },
  };
}
