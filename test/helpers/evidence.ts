import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { blobPath, storeRoot } from '../../electron/core/evidence/store';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import type { Provider } from '../../shared/providers/schema';
import { spqaJson } from './cli';
import { addProviderArgs, startSelfArgs } from './cli-args';
import { dumpDatabaseFile } from './db-dump';
import { tempDir } from './temp-dir';

export const sha256Hex = (content: string | Buffer) =>
  createHash('sha256').update(content).digest('hex');

/** Hashes a file by streaming it, so it works on the 1 GiB files too. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Where the store keeps a file with this content hash. */
export const storedPath = (dataDir: string, sha256: string) => blobPath(storeRoot(dataDir), sha256);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/**
 * Every file in the evidence store (blobs and temporary files alike) as "path size", sorted:
 * equal listings before and after a refused request mean nothing was stored or left behind.
 */
export function storeListing(dataDir: string): string[] {
  const root = storeRoot(dataDir);
  return walk(root)
    .map((path) => `${relative(root, path)} ${statSync(path).size}`)
    .sort();
}

/** The stored blobs only (evidence/sha256/xx/<hash>), as paths relative to the store. */
export function storedBlobFiles(dataDir: string): string[] {
  const root = storeRoot(dataDir);
  return walk(join(root, 'sha256'))
    .map((path) => relative(root, path))
    .sort();
}

/** Inverts one byte of a file in place, the smallest possible corruption. */
export function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

export const MiB = 1024 * 1024;

/**
 * Writes a file of `bytes` bytes quickly: one random MiB repeated, each copy stamped with its
 * index (and the seed) so no two blocks, and no two seeds, give the same content.
 */
export function writeLargeFile(path: string, bytes: number, seed = 0): void {
  const block = randomBytes(MiB);
  block.writeUInt32LE(seed, 4);
  const fd = openSync(path, 'w');
  try {
    for (let at = 0, i = 0; at < bytes; at += MiB, i += 1) {
      block.writeUInt32LE(i, 0);
      writeSync(fd, block, 0, Math.min(MiB, bytes - at));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * What must hold after any interruption: every stored blob hashes to its own name, and no live
 * record or blob row points at a file that is not there. Returns the problems found.
 */
export async function storeProblems(dataDir: string, db: Database): Promise<string[]> {
  const problems: string[] = [];
  const root = storeRoot(dataDir);
  for (const file of storedBlobFiles(dataDir)) {
    const name = file.split(/[\\/]/).pop() ?? '';
    const actual = await sha256OfFile(join(root, file));
    if (actual !== name) problems.push(`${file} hashes to ${actual}`);
  }
  const referenced = db
    .prepare(
      `SELECT sha256, 'evidence ' || id AS who FROM evidence WHERE sha256 IS NOT NULL AND removed_at IS NULL
       UNION ALL SELECT sha256, 'blob row' FROM evidence_blobs WHERE deleted_at IS NULL`,
    )
    .all() as { sha256: string; who: string }[];
  for (const row of referenced) {
    if (!existsSync(storedPath(dataDir, row.sha256))) {
      problems.push(`${row.who} points at missing file ${row.sha256}`);
    }
  }
  return problems;
}

/** A source that gives `chunks` and then fails with the given error, as a file that vanishes would. */
export function failingSource(chunks: Buffer[], error: NodeJS.ErrnoException): Readable {
  let i = 0;
  return new Readable({
    read() {
      const chunk = chunks[i];
      i += 1;
      if (chunk) this.push(chunk);
      else this.destroy(error);
    },
  });
}

export function errnoError(code: string, syscall: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, ${syscall}`), { code, syscall });
}

/** A data folder with one activity provider and a self-assessment of it, made by the CLI. */
export function cliAssessment(): { dataDir: string; assessmentId: string } {
  const dataDir = tempDir();
  const provider = spqaJson<Provider>(
    dataDir,
    addProviderArgs('Hilltop Walking Group', 'activity'),
  );
  const assessment = spqaJson<AssessmentSummary>(dataDir, startSelfArgs(provider.id));
  return { dataDir, assessmentId: assessment.id };
}

/** The database and the store's files, to show a refused command changed nothing. */
export const cliSnapshot = (dataDir: string) => ({
  db: dumpDatabaseFile(join(dataDir, DATABASE_FILE)),
  store: storeListing(dataDir),
});
