import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  BUNDLE_FORMAT_VERSION,
  ENTRY,
  evidenceEntryName,
  keyEntryName,
  type ManifestPayload,
} from '../../../shared/bundles/schema';
import type { Progress } from '../../../shared/result';
import { invalid } from '../errors';
import { blobPath, storeRoot } from '../evidence/store';
import { signDocument } from '../signing/documents';
import type { BundleContent } from './collect';
import { LIMITS } from './limits';
import { temporaryPathBeside, writeFailure } from '../files/write-file';

export interface Sender {
  name: string;
  keyId: string;
  privateKey: KeyObject;
  actor: string;
  appVersion: string;
  createdAt: string;
}

export interface WrittenBundle {
  size: number;
  sha256: string;
  manifestSha256: string;
  entries: number;
  evidenceFiles: { included: number; leftOut: number; bytes: number };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A stored evidence file on its way into the zip, rehashed as it goes: a file altered in the store
 * stops the export rather than travel under a hash it no longer has.
 */
function verifiedStream(path: string, sha256: string, onBytes: (n: number) => void) {
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(
        actual === sha256
          ? null
          : invalid(
              `evidence file ${sha256} has been altered in the store; run \`spqa evidence verify\` before exporting`,
            ),
      );
    },
  });
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  source.on('error', (error) => check.destroy(error));
  return source.pipe(check);
}

/**
 * Writes the bundle to `file` whole or not at all (a temporary file beside it, flushed, renamed).
 * The manifest comes first and is signed before any file is packed; evidence files are streamed
 * from the store, never read whole.
 */
export async function writeBundle(
  content: BundleContent,
  {
    dataDir,
    sender,
    includePersonalData,
    file,
    progress,
  }: {
    dataDir: string;
    sender: Sender;
    includePersonalData: boolean;
    file: string;
    progress: (progress: Progress) => void;
  },
): Promise<WrittenBundle> {
  const root = storeRoot(dataDir);
  // A bundle no installation would accept is refused here, before anything is written.
  const bytes = content.files.reduce((n, f) => n + f.size, 0);
  const tooBig = content.files.find((f) => f.size > LIMITS.entryBytes);
  if (tooBig)
    throw invalid(
      `evidence file ${tooBig.sha256} is ${tooBig.size} bytes, more than a bundle may carry (${LIMITS.entryBytes})`,
    );
  if (bytes > LIMITS.totalBytes)
    throw invalid(
      `the evidence files come to ${bytes} bytes, more than a bundle may carry (${LIMITS.totalBytes})`,
    );
  for (const evidenceFile of content.files) {
    const info = await stat(blobPath(root, evidenceFile.sha256)).catch(() => null);
    if (!info?.isFile())
      throw invalid(
        `evidence file ${evidenceFile.sha256} is missing from the store; run \`spqa evidence verify\` before exporting`,
      );
    if (info.size !== evidenceFile.size)
      throw invalid(
        `evidence file ${evidenceFile.sha256} has been altered in the store; run \`spqa evidence verify\` before exporting`,
      );
  }

  const records: [string, Buffer][] = [
    [ENTRY.provider, json(content.provider)],
    [ENTRY.assessment, json(content.assessment)],
    [ENTRY.evidence, json(content.evidence)],
    [ENTRY.certificates, json(content.certificates)],
    [ENTRY.framework, Buffer.from(content.framework.text, 'utf8')],
    ...content.keys.map(({ keyId, pem }): [string, Buffer] => [
      keyEntryName(keyId),
      Buffer.from(pem, 'utf8'),
    ]),
  ];
  const { assessment } = content.assessment;
  const payload: ManifestPayload = {
    type: 'SPQABundle',
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: sender.createdAt,
    createdBy: sender.actor,
    appVersion: sender.appVersion,
    sender: { name: sender.name, keyId: sender.keyId },
    subject: {
      assessmentId: assessment.id,
      kind: assessment.kind,
      revision: assessment.revision,
      providerId: content.provider.provider.id,
      providerName: content.provider.provider.name,
    },
    framework: {
      id: content.framework.id,
      version: content.framework.version,
      sha256: content.framework.sha256,
    },
    includesPersonalData: includePersonalData,
    evidenceFiles: { included: content.files.length, leftOut: content.leftOut, bytes },
    entries: [
      ...records.map(([name, data]) => ({ name, sha256: sha(data), size: data.length })),
      ...content.files.map((f) => ({
        name: evidenceEntryName(f.sha256),
        sha256: f.sha256,
        size: f.size,
      })),
    ],
  };
  const manifest = json(signDocument(payload, sender.privateKey, sender.keyId));

  const zip = new ZipFile();
  const mtime = new Date(sender.createdAt);
  zip.addBuffer(manifest, ENTRY.manifest, { mtime, mode: 0o100644 });
  for (const [name, data] of records) zip.addBuffer(data, name, { mtime, mode: 0o100644 });
  let done = 0;
  const report = (n: number) => {
    done += n;
    progress({ phase: 'packing evidence files', done, total: bytes });
  };
  for (const evidenceFile of content.files) {
    // Stored, not deflated: evidence is mostly PDFs and photos already compressed, and a stored
    // entry can never look like a zip bomb to the importer.
    zip.addReadStreamLazy(
      evidenceEntryName(evidenceFile.sha256),
      { mtime, mode: 0o100644, compress: false, size: evidenceFile.size },
      (cb) => {
        const stream = verifiedStream(
          blobPath(root, evidenceFile.sha256),
          evidenceFile.sha256,
          report,
        );
        // yazl does not listen for errors on a lazily given stream; it must hear of them.
        stream.on('error', (error) => zip.emit('error', error));
        cb(null, stream);
      },
    );
  }
  zip.end();

  const tmp = temporaryPathBeside(file);
  const whole = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      whole.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    const failed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
    const written = pipeline(
      zip.outputStream,
      tap,
      createWriteStream(tmp, { flags: 'wx', mode: 0o644 }),
    );
    // Whichever loses the race still settles later; neither may go unhandled.
    failed.catch(() => undefined);
    written.catch(() => undefined);
    await Promise.race([written, failed]);
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    await rm(tmp, { force: true });
    throw writeFailure(file, error, 'no bundle was written');
  }
  progress({ phase: 'packing evidence files', done: bytes, total: bytes });
  return {
    size,
    sha256: whole.digest('hex'),
    manifestSha256: sha(manifest),
    entries: records.length + content.files.length + 1,
    evidenceFiles: payload.evidenceFiles,
  };
}
