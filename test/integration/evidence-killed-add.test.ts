import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { clearInterruptedWrites, storeRoot } from '../../electron/core/evidence/store';
import { spqa, spqaJson } from '../helpers/cli';
import { MiB, storeProblems, storedBlobFiles, writeLargeFile } from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { CLI_BUNDLE, REPO_ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });
const FILE_SIZE = 300 * MiB;

/** What the test can see of a running add: its part file and the files under sha256/. */
interface Seen {
  ms: number;
  partBytes: number;
  blobs: number;
}

/**
 * When to kill each run, judged from what is on disk rather than from time, so every phase is
 * hit however fast or loaded the machine is: while starting, while copying (three points), while
 * flushing the complete copy, and once it is renamed into place (before or while recording it).
 */
const KILL_WHEN: { phase: string; when: (seen: Seen, blobsBefore: number) => boolean }[] = [
  { phase: 'starting up', when: (s) => s.ms >= 40 },
  { phase: 'copying, 10%', when: (s) => s.partBytes >= 0.1 * FILE_SIZE },
  { phase: 'copying, 50%', when: (s) => s.partBytes >= 0.5 * FILE_SIZE },
  { phase: 'copying, 95%', when: (s) => s.partBytes >= 0.95 * FILE_SIZE },
  { phase: 'copied, flushing to disk', when: (s) => s.partBytes >= FILE_SIZE },
  { phase: 'renamed into the store', when: (s, blobsBefore) => s.blobs > blobsBefore },
];

interface Ended {
  phase: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** Bytes in part files that were not there before this run started. */
function newPartBytes(tmp: string, before: ReadonlySet<string>): number {
  if (!existsSync(tmp)) return 0;
  let bytes = 0;
  for (const name of readdirSync(tmp)) {
    if (before.has(name)) continue;
    bytes += statSync(join(tmp, name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return bytes;
}

/** Runs `spqa evidence add` on the file; SIGKILLs it as soon as `killWhen` holds. */
function addInChild(
  dataDir: string,
  assessmentId: string,
  file: string,
  phase: string,
  killWhen?: (seen: Seen, blobsBefore: number) => boolean,
): Promise<Ended> {
  const { SPQA_DATA_DIR: _ignored, ...env } = process.env;
  const tmp = join(storeRoot(dataDir), 'tmp');
  const partsBefore = new Set(existsSync(tmp) ? readdirSync(tmp) : []);
  const blobsBefore = storedBlobFiles(dataDir).length;
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      CLI_BUNDLE,
      '--data-dir',
      dataDir,
      'evidence',
      'add',
      '--assessment',
      assessmentId,
      '--criterion',
      criterion,
      file,
    ],
    { cwd: REPO_ROOT, env: { ...env, SPQA_ACTOR: 'tester' }, stdio: 'ignore' },
  );
  const watch = killWhen
    ? setInterval(() => {
        const seen = {
          ms: Date.now() - started,
          partBytes: newPartBytes(tmp, partsBefore),
          blobs: storedBlobFiles(dataDir).length,
        };
        if (!child.killed && killWhen(seen, blobsBefore)) child.kill('SIGKILL');
      }, 2)
    : null;
  return new Promise<Ended>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      resolve({ phase, code, signal, ms: Date.now() - started });
    });
  });
}

/** Makes the file's content new (so the next add copies it all) by stamping its first bytes. */
function restamp(file: string, run: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(`run ${run} `.padEnd(16, '.')), 0, 16, 0);
  } finally {
    closeSync(fd);
  }
}

async function checkConsistent(dataDir: string, when: string): Promise<void> {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  try {
    expect(db.pragma('integrity_check', { simple: true }), when).toBe('ok');
    expect(await storeProblems(dataDir, db), when).toEqual([]);
  } finally {
    db.close();
  }
}

describe('an add killed part-way', () => {
  it('never leaves a partial file visible, nor a record without its file', async () => {
    const dataDir = tempDir();
    const { core, assessment } = await coreWithSelfAssessment({ dataDir });
    core.close();
    const file = join(tempDir('spqa-sources-'), 'recording.bin');
    writeLargeFile(file, FILE_SIZE, 11);

    const finished = await addInChild(dataDir, assessment.id, file, 'left to finish');
    expect(finished.code).toBe(0);
    await checkConsistent(dataDir, 'after an add left to finish');

    const runs: Ended[] = [];
    for (const [i, { phase, when }] of KILL_WHEN.entries()) {
      restamp(file, i + 1);
      const ended = await addInChild(dataDir, assessment.id, file, phase, when);
      runs.push(ended);
      await checkConsistent(dataDir, `after the add killed ${phase}: ${JSON.stringify(ended)}`);
    }
    // All but the last must really have been cut short (the last may just win the race).
    const killed = runs.filter((r) => r.signal === 'SIGKILL');
    expect(killed.length, JSON.stringify(runs)).toBeGreaterThanOrEqual(KILL_WHEN.length - 1);

    const verify = spqa(dataDir, ['evidence', 'verify'], {}, { timeout: 60_000 });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    // A file stored by an add killed before its record was written is an orphan: reported by
    // verify, and cleared only on request.
    const report = spqaJson<{ orphans: number; checked: number }>(dataDir, ['evidence', 'verify']);
    const records = spqaJson<unknown[]>(dataDir, [
      'evidence',
      'list',
      '--assessment',
      assessment.id,
    ]);
    expect(report.checked).toBe(records.length);
    expect(spqa(dataDir, ['evidence', 'remove-orphans']).status).toBe(0);
    expect(spqaJson<{ orphans: number }>(dataDir, ['evidence', 'verify']).orphans).toBe(0);
    await checkConsistent(dataDir, 'after removing orphans');
    // Part files of killed adds sit in the temporary folder, never under sha256/; they are
    // cleared once stale.
    const partFiles = await clearInterruptedWrites(storeRoot(dataDir), 0);
    await checkConsistent(dataDir, 'after clearing part files');
    console.info(
      `killed adds: ${runs
        .map((r) => `${r.phase} -> ${r.signal ?? `exit ${r.code}`} at ${r.ms} ms`)
        .join(
          '; ',
        )}; ${records.length} records, ${report.orphans} orphans, ${partFiles} part files`,
    );
  }, 180_000);
});
