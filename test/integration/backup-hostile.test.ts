import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { restoreBackup } from '../../electron/core/backup/restore';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { AppError } from '../../electron/core/errors';
import {
  backUp,
  backupItems,
  itemsOf,
  patchCentralRecord,
  populatedCore,
  sha256Of,
  writeZip,
  type ZipItem,
} from '../helpers/backup';
import { spqa } from '../helpers/cli';
import { folderFingerprint } from '../helpers/folder-hash';
import { tempDir } from '../helpers/temp-dir';

type Manifest = Awaited<ReturnType<typeof backupItems>>['manifest'] & {
  database: { path: string; size: number; sha256: string };
  schemaVersion: number;
};

let dataDir: string;
let manifest: Manifest;
let files: Map<string, Buffer>;

beforeAll(async () => {
  // The folder every hostile archive is restored into; it must never change.
  dataDir = tempDir();
  const core = await populatedCore(dataDir);
  const good = join(tempDir(), 'good.zip');
  await backUp(core, good);
  core.close();
  const items = await backupItems(good);
  manifest = items.manifest as Manifest;
  files = items.files;
});

const clone = <T>(value: T): T => structuredClone(value);
const firstEvidence = () => manifest.evidence[0] as { path: string; size: number; sha256: string };
const database = () => files.get('spqa.db') as Buffer;

/** The database of the good backup with an edit made to it, as bytes. */
function editedDatabase(edit: (db: BetterSqlite3.Database) => void): Buffer {
  const path = join(tempDir(), 'edited.db');
  writeFileSync(path, database());
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  edit(db);
  db.close();
  return readFileSync(path);
}

/** A backup whose database is replaced by `bytes`, with a manifest that matches them. */
function withDatabase(bytes: Buffer, schemaVersion = manifest.schemaVersion): ZipItem[] {
  const m = clone(manifest);
  m.database = { path: 'spqa.db', size: bytes.length, sha256: sha256Of(bytes) };
  m.schemaVersion = schemaVersion;
  const f = new Map(files);
  f.set('spqa.db', bytes);
  return itemsOf(m, f);
}

async function renamedEntry(from: string, to: string): Promise<string> {
  if (from.length !== to.length) throw new Error('names must be the same length');
  const path = await writeZip(itemsOf(manifest, files, [{ name: from, bytes: Buffer.from('x') }]));
  const bytes = readFileSync(path);
  let at = bytes.indexOf(from);
  while (at >= 0) {
    bytes.write(to, at, 'latin1');
    at = bytes.indexOf(from, at + 1);
  }
  writeFileSync(path, bytes);
  return path;
}

async function patched(items: ZipItem[], name: string, edit: (r: Buffer) => void) {
  const path = await writeZip(items);
  writeFileSync(path, patchCentralRecord(path, name, edit));
  return path;
}

const ZIP64_EXTRA = 0x0001;

/** Sets the 64-bit uncompressed size in an entry's zip64 extra field (yazl writes one on request). */
function setZip64Size(path: string, name: string, size: bigint): void {
  const bytes = readFileSync(path);
  for (let at = bytes.length - 22; at >= 0; at -= 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) !== name) continue;
    const extraLength = bytes.readUInt16LE(at + 30);
    let field = at + 46 + nameLength;
    while (field < at + 46 + nameLength + extraLength) {
      if (bytes.readUInt16LE(field) === ZIP64_EXTRA) {
        bytes.writeBigUInt64LE(size, field + 4);
        writeFileSync(path, bytes);
        return;
      }
      field += 4 + bytes.readUInt16LE(field + 2);
    }
  }
  throw new Error(`no zip64 field for ${name}`);
}

const cases: { name: string; archive: () => Promise<string>; message: RegExp }[] = [
  {
    name: 'random bytes',
    archive: async () => writeTemp(randomBytes(4096)),
    message: /not a readable backup archive/,
  },
  {
    name: 'an empty file',
    archive: async () => writeTemp(Buffer.alloc(0)),
    message: /not a readable backup archive/,
  },
  {
    name: 'a truncated archive',
    archive: async () => {
      const bytes = readFileSync(await writeZip(itemsOf(manifest, files)));
      return writeTemp(bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    message: /not a readable backup archive/,
  },
  {
    name: 'a name climbing out of the folder (zip slip)',
    archive: () => renamedEntry('AA/evil.txt', '../evil.txt'),
    message: /invalid relative path/,
  },
  {
    name: 'an absolute path',
    archive: () => renamedEntry('Xtmp/evil.txt', '/tmp/evil.txt'),
    message: /absolute path/,
  },
  {
    name: 'a Windows path with backslashes',
    archive: () => renamedEntry('evidenceQ..Qx', 'evidence\\..\\x'),
    message: /invalid characters|not a valid backup/,
  },
  {
    name: 'an entry that is not part of a backup',
    archive: () =>
      writeZip(itemsOf(manifest, files, [{ name: 'notes.txt', bytes: Buffer.from('hi') }])),
    message: /holds "notes\.txt", which is not part of a backup/,
  },
  {
    name: 'the same name twice',
    archive: () => writeZip(itemsOf(manifest, files, [{ name: 'spqa.db', bytes: database() }])),
    message: /holds "spqa\.db" twice/,
  },
  {
    name: 'a symbolic link',
    archive: () =>
      writeZip(
        itemsOf(manifest, files).map((item) =>
          item.name === firstEvidence().path ? { ...item, mode: 0o120777 } : item,
        ),
      ),
    message: /is not a plain file/,
  },
  {
    name: 'an encrypted entry',
    archive: () =>
      patched(itemsOf(manifest, files), 'spqa.db', (r) =>
        r.writeUInt16LE(r.readUInt16LE(8) | 1, 8),
      ),
    message: /is encrypted/,
  },
  {
    name: 'an unknown compression method',
    archive: () => patched(itemsOf(manifest, files), 'spqa.db', (r) => r.writeUInt16LE(12, 10)),
    message: /unknown compression method \(12\)/,
  },
  {
    name: 'no manifest',
    archive: () => writeZip([...files].map(([name, bytes]) => ({ name, bytes }))),
    message: /has no manifest\.json/,
  },
  {
    name: 'a manifest that is not JSON',
    archive: () =>
      writeZip([
        ...[...files].map(([name, bytes]) => ({ name, bytes })),
        { name: 'manifest.json', bytes: Buffer.from('{"format": "spqa-backup",') },
      ]),
    message: /manifest\.json is not valid JSON/,
  },
  {
    name: 'a manifest that is not UTF-8',
    archive: () =>
      writeZip([
        ...[...files].map(([name, bytes]) => ({ name, bytes })),
        { name: 'manifest.json', bytes: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
      ]),
    message: /manifest\.json is not valid UTF-8/,
  },
  {
    name: 'a manifest of another format',
    archive: () => writeZip(itemsOf({ ...manifest, format: 'zip-of-things' }, files)),
    message: /manifest\.json: .*format/,
  },
  {
    name: 'an evidence file listed under a name that is not its hash',
    archive: () => {
      const m = clone(manifest);
      (m.evidence[0] as { sha256: string }).sha256 = 'a'.repeat(64);
      return writeZip(itemsOf(m, files));
    },
    message: /evidence\/sha256\/<first two>\/<its sha256>/,
  },
  {
    name: 'an evidence file whose bytes were changed',
    archive: () => {
      const f = new Map(files);
      const bytes = Buffer.from(f.get(firstEvidence().path) as Buffer);
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      f.set(firstEvidence().path, bytes);
      return writeZip(itemsOf(manifest, f));
    },
    message: /does not match the SHA-256 in the manifest/,
  },
  {
    name: 'a listed file missing from the archive',
    archive: () => {
      const f = new Map(files);
      f.delete(firstEvidence().path);
      return writeZip(itemsOf(manifest, f));
    },
    message: /the manifest lists .*, which is missing/,
  },
  {
    name: 'a file the manifest does not list',
    archive: () => {
      const m = clone(manifest);
      m.evidence = m.evidence.slice(1);
      return writeZip(itemsOf(m, files));
    },
    message: /which its manifest does not list/,
  },
  {
    name: 'sizes that disagree between the manifest and the archive',
    archive: () => {
      const m = clone(manifest);
      (m.evidence[0] as { size: number }).size += 1;
      return writeZip(itemsOf(m, files));
    },
    message: /bytes in the archive but .* in the manifest/,
  },
  {
    name: 'a zip bomb: an entry that inflates past its declared size',
    archive: () => {
      const bomb = Buffer.alloc(32 * 1024 * 1024);
      const m = clone(manifest);
      m.database = { path: 'spqa.db', size: 1000, sha256: sha256Of(bomb.subarray(0, 1000)) };
      const f = new Map(files);
      f.set('spqa.db', bomb);
      return patched(itemsOf(m, f), 'spqa.db', (r) => r.writeUInt32LE(1000, 24));
    },
    message: /spqa\.db (is larger than the manifest says|cannot be unpacked)/,
  },
  {
    name: 'a declared size larger than the disk',
    archive: async () => {
      const petabyte = 2 ** 50;
      const m = clone(manifest);
      m.database.size = petabyte;
      const path = join(tempDir(), 'zip64.zip');
      await writeZip64(path, itemsOf(m, files));
      setZip64Size(path, 'spqa.db', BigInt(petabyte));
      return path;
    },
    message: /unpacks to \d+ bytes but the disk has \d+ free/,
  },
  {
    name: 'a file that is not a database',
    archive: () => writeZip(withDatabase(randomBytes(8192))),
    message: /database in the backup (cannot be opened|is damaged|cannot be read)/,
  },
  {
    name: 'a database with damaged pages',
    archive: () => {
      const bytes = Buffer.from(database());
      const pageSize = bytes.readUInt16BE(16);
      for (let i = pageSize * 2; i < pageSize * 4; i += 1) bytes[i] = (i * 31) % 256;
      return writeZip(withDatabase(bytes));
    },
    message: /database in the backup (is damaged|cannot be read)/,
  },
  {
    name: 'a database that is not an SPQA database',
    archive: () => {
      const path = join(tempDir(), 'other.db');
      const db = new BetterSqlite3(path);
      db.exec('CREATE TABLE notes (body TEXT)');
      db.close();
      return writeZip(withDatabase(readFileSync(path), 1));
    },
    message: /is not an SPQA database/,
  },
  {
    name: 'a database from a newer version',
    archive: () =>
      writeZip(
        withDatabase(
          editedDatabase((db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`)),
          LATEST_SCHEMA_VERSION + 10,
        ),
      ),
    message: new RegExp(`newer version of spqa \\(schema ${LATEST_SCHEMA_VERSION + 10};`),
  },
  {
    name: 'a manifest whose schema version disagrees with the database',
    archive: () => writeZip(withDatabase(database(), 10)),
    message: /at schema \d+ but the manifest says 10/,
  },
  {
    name: 'a database with broken references',
    archive: () =>
      writeZip(
        withDatabase(
          editedDatabase((db) => {
            db.pragma('foreign_keys = OFF');
            db.prepare(
              `INSERT INTO services (id, provider_id, name, category, referral_route,
                   self_referral, accepting_referrals, capacity_confirmed_on, created_at, updated_at)
                 VALUES ('svc_ORPHAN', 'prv_MISSING', 'S', 'arts', 'any-agency', 0, 1, 'd', 'n', 'n')`,
            ).run();
          }),
        ),
      ),
    message: /has 1 broken references/,
  },
];

function writeTemp(bytes: Buffer): string {
  const path = join(tempDir(), 'hostile.zip');
  writeFileSync(path, bytes);
  return path;
}

/** Writes `items` to `path` with zip64 records for every entry, so sizes can be 64-bit. */
async function writeZip64(path: string, items: ZipItem[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    zip.addBuffer(item.bytes, item.name, { compress: true, forceZip64Format: true });
  }
  zip.end({ forceZip64Format: true, comment: '' });
  await pipeline(zip.outputStream, createWriteStream(path));
}

describe('a hostile or damaged backup archive', () => {
  it.each(cases)('is refused: $name', async ({ archive, message }) => {
    const path = await archive();
    const before = folderFingerprint(dataDir);
    const error = await restoreBackup({ dataDir, archive: path }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toMatch(/^(invalid_input|refused)$/);
    expect((error as AppError).message, (error as Error).message).toMatch(message);
    expect((error as AppError).message).not.toContain('\n');
    expect(folderFingerprint(dataDir)).toBe(before);
  });

  it('is refused by the CLI with exit 2 and one line on stderr, the data folder unchanged', async () => {
    const path = await cases[3]?.archive();
    const before = folderFingerprint(dataDir);
    for (const args of [
      ['restore', path as string],
      ['restore', '--dry-run', path as string],
    ]) {
      const run = spqa(dataDir, args);
      expect(run.status).toBe(2);
      expect(run.errorLines).toEqual([expect.stringMatching(/^spqa: .*invalid relative path/)]);
    }
    expect(folderFingerprint(dataDir)).toBe(before);
  });

  it('the good backup these are made from restores (so each refusal is for its defect)', async () => {
    const path = await writeZip(itemsOf(manifest, files));
    const result = await restoreBackup({ dataDir: tempDir(), archive: path, dryRun: true });
    expect(result.evidenceFiles).toBe(manifest.evidence.length);
  });
});
