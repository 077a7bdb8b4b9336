import { createHash, type KeyObject } from 'node:crypto';
import { deflateRawSync, crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { signDocument } from '../../electron/core/signing/documents';

/**
 * Zip files written by hand, byte by byte, so a test can make every lie a hostile archive tells:
 * names no zip library would write (absolute, "..", backslashes), links, duplicate names and
 * sizes that do not match the data.
 */
export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** Deflate the data (stored as is otherwise). */
  compress?: boolean;
  /** The uncompressed size to declare, instead of the true one. */
  declaredSize?: number;
  /** The compressed size to declare, instead of the true one. */
  declaredCompressedSize?: number;
  /** Unix mode recorded in the external attributes (0o100644 for a plain file). */
  mode?: number;
  /** Set the UTF-8 name flag (on by default). */
  utf8?: boolean;
}

const DOS_DATE = ((2026 - 1980) << 9) | (3 << 5) | 4;

interface SharedFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/**
 * The run of fields a local header and its central directory record both hold, from the version
 * needed to the extra field's length (none), written from `at`.
 */
function writeSharedFields(header: Buffer, at: number, fields: SharedFields): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(fields.flags, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(0, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressedSize >>> 0, at + 14);
  header.writeUInt32LE(fields.size >>> 0, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
  header.writeUInt16LE(0, at + 24);
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const body = entry.compress ? deflateRawSync(entry.data) : entry.data;
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const compressedSize = entry.declaredCompressedSize ?? body.length;
    const flags = entry.utf8 === false ? 0 : 0x800;
    const method = entry.compress ? 8 : 0;

    const shared = { flags, method, crc, compressedSize, size, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, shared);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    writeSharedFields(central, 6, shared);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface ZipContent {
  name: string;
  data: Buffer;
}

/** Every entry of a (genuine, small) zip, in order. */
export async function readZip(file: string): Promise<ZipContent[]> {
  const zip = await yauzl.openPromise(file, { autoClose: false });
  const out: ZipContent[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry))
        chunks.push(chunk as Buffer);
      out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
    }
  } finally {
    zip.close();
  }
  return out;
}

/** The entries of a bundle as a zip again, each a plain file, records deflated as the app writes them. */
export function zipOf(entries: readonly ZipContent[], extra: readonly RawEntry[] = []): Buffer {
  return buildZip([
    ...entries.map((e) => ({
      name: e.name,
      data: e.data,
      compress: !e.name.startsWith('evidence/'),
    })),
    ...extra,
  ]);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export interface SignedManifest {
  payload: { entries: { name: string; sha256: string; size: number }[] } & Record<string, unknown>;
  signature: { alg: string; keyId: string; value: string };
}

export function manifestOf(entries: readonly ZipContent[]): SignedManifest {
  const manifest = entries.find((e) => e.name === 'manifest.json');
  if (!manifest) throw new Error('no manifest.json');
  return JSON.parse(manifest.data.toString('utf8')) as SignedManifest;
}

/**
 * A bundle rebuilt after `change` edits its entries, with a manifest listing the new hashes and
 * signed again with `key`: the sender really did sign this, so only the checks after the
 * signature can refuse it.
 */
export function resigned(
  entries: readonly ZipContent[],
  key: { keyId: string; privateKey: KeyObject },
  change: (entries: ZipContent[]) => ZipContent[],
  changePayload: (payload: Record<string, unknown>) => Record<string, unknown> = (p) => p,
): ZipContent[] {
  const changed = change(entries.filter((e) => e.name !== 'manifest.json').map((e) => ({ ...e })));
  const payload = changePayload({
    ...manifestOf(entries).payload,
    entries: changed.map((e) => ({ name: e.name, sha256: sha(e.data), size: e.data.length })),
  });
  const manifest = signDocument(payload, key.privateKey, key.keyId);
  return [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...changed];
}

/** Replaces one entry's data, leaving everything else (the signed manifest too) as it was. */
export function replaced(entries: readonly ZipContent[], name: string, data: Buffer): ZipContent[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name}`);
  return entries.map((e) => (e.name === name ? { name, data } : e));
}
