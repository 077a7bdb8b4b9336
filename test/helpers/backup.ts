import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createBackup } from '../../electron/core/backup/create';
import type { Core } from '../../electron/core/app';
import { openTestCore, unwrap } from './core';
import { tempDir } from './temp-dir';

export const sha256Of = (bytes: Buffer | string) =>
  createHash('sha256').update(bytes).digest('hex');

/** A data folder with the demo organisations, their self-assessments and evidence files. */
export async function populatedCore(dataDir = tempDir()): Promise<Core> {
  const core = await openTestCore({ dataDir });
  unwrap(await core.invoke('system.loadDemo', {}));
  return core;
}

/** Backs up an open core's data folder into `file` (through the core function, not the CLI). */
export async function backUp(core: Core, file: string) {
  return createBackup({
    db: core.context.db,
    dataDir: core.context.dataDir,
    target: file,
    overwrite: false,
    appVersion: 'test',
    now: new Date('2026-01-02T03:04:05.000Z'),
    progress: () => undefined,
  });
}

/** Every entry of a zip file, name to bytes. */
export async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file);
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}

export interface ZipItem {
  name: string;
  bytes: Buffer;
  compress?: boolean;
  mode?: number;
}

/** Writes a zip of the given entries, in order, and returns its path. */
export async function writeZip(items: ZipItem[], dir = tempDir()): Promise<string> {
  const path = join(dir, `archive-${Math.random().toString(36).slice(2)}.zip`);
  const zip = new yazl.ZipFile();
  for (const item of items) {
    zip.addBuffer(item.bytes, item.name, {
      compress: item.compress ?? true,
      ...(item.mode === undefined ? {} : { mode: item.mode }),
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** The entries of a good backup, with the manifest parsed so a test can tamper with either. */
export async function backupItems(file: string): Promise<{
  manifest: Record<string, unknown> & {
    evidence: { path: string; size: number; sha256: string }[];
  };
  files: Map<string, Buffer>;
}> {
  const files = await readZip(file);
  const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
  files.delete('manifest.json');
  return { manifest, files };
}

export function itemsOf(
  manifest: unknown,
  files: Map<string, Buffer>,
  extra: ZipItem[] = [],
): ZipItem[] {
  return [
    ...[...files].map(([name, bytes]) => ({ name, bytes })),
    ...extra,
    { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) },
  ];
}

const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * Edits the central-directory record of one entry in a zip's bytes (the directory readers trust),
 * e.g. to declare a smaller size than the data inflates to, or to set the encryption flag.
 */
export function patchCentralRecord(
  zipPath: string,
  name: string,
  edit: (record: Buffer) => void,
): Buffer {
  const bytes = readFileSync(zipPath);
  for (let at = bytes.length - 22; at >= 0; at -= 1) {
    if (bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) continue;
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      edit(bytes.subarray(at, at + 46 + nameLength));
      return bytes;
    }
  }
  throw new Error(`no central record for ${name}`);
}
