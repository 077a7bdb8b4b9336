import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { CLI_BUNDLE, REPO_ROOT } from './paths';

export interface KilledRun {
  /** Exit code when the run finished before the kill; null when it was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI and SIGKILLs it after `killAfterMs` unless it has finished by then: the
 * harshest stop there is (no exit handlers, no flush), like pulling the power.
 */
export function runAndKill(
  dataDir: string,
  args: readonly string[],
  killAfterMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const { SPQA_DATA_DIR: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [CLI_BUNDLE, '--data-dir', dataDir, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, SPQA_ACTOR: 'tester', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** `PRAGMA integrity_check` on the data folder's database, as the next start would open it. */
export function integrityCheck(dataDir: string): string {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  } finally {
    db.close();
  }
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
