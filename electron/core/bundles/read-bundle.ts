import { createHash, type KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import {
  ENTRY,
  assessmentFileSchema,
  certificatesFileSchema,
  evidenceFileSchema,
  keyIdOfEntryName,
  manifestPayloadSchema,
  providerFileSchema,
  type AssessmentFile,
  type BundleCertificate,
  type BundleEvidence,
  type ManifestPayload,
  type ProviderFile,
} from '../../../shared/bundles/schema';
import type { Progress } from '../../../shared/result';
import { signedDocumentSchema, type SignedDocument } from '../../../shared/signing/format';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { AppError, invalid } from '../errors';
import { parseFrameworkText, type ParsedFramework } from '../frameworks/parse';
import { parseJsonText } from '../json-text';
import { signatureValid } from '../signing/documents';
import { keyIdFor, parsePublicKeyPem } from '../signing/keys';
import { trustedPublicKeys } from '../signing/keystore';
import { checkCertificates, checkConsistency, tampered } from './consistency';
import { LIMITS } from './limits';
import { openSafeZip, type SafeZip } from './zip-read';

/** A bundle read in full and found sound: signed by a trusted key, every byte as signed, every record valid. */
export interface ParsedBundle {
  zip: SafeZip;
  manifest: ManifestPayload;
  manifestSha256: string;
  signer: { keyId: string; trustedAs: string };
  provider: ProviderFile;
  assessment: AssessmentFile;
  evidence: BundleEvidence[];
  certificates: BundleCertificate[];
  framework: ParsedFramework;
  /** Evidence files carried, by SHA-256, with their sizes. */
  files: Map<string, number>;
  warnings: string[];
}

function decodeText(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${name} in the bundle is not valid UTF-8`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = problemsFromZod(result.error);
    throw invalid(`${name} in the bundle: ${summariseProblems(problems)}`, {
      file: name,
      problems,
    });
  }
  return result.data;
}

function untrustedMessage(keyId: string, senderName: string): string {
  return (
    `the bundle is signed with key ${keyId} (the sender calls itself "${senderName}"), which you do not trust. ` +
    'If you know the sender, ask them for their public key (spqa keys export-public FILE), check its key id with them ' +
    'in person or by phone, then trust it with `spqa keys trust FILE --name NAME` or on the Trusted keys screen; ' +
    'nothing was imported'
  );
}

/** Reads the signed manifest and checks its signature before anything else in the bundle is read. */
async function readManifest(
  db: Database,
  zip: SafeZip,
): Promise<{ manifest: ManifestPayload; manifestSha256: string; signer: ParsedBundle['signer'] }> {
  if (!zip.entries.has(ENTRY.manifest))
    throw invalid('the file has no manifest.json, so it is not an SPQA bundle');
  const bytes = await zip.readBytes(ENTRY.manifest, LIMITS.manifestBytes);
  const json = parseJsonText(decodeText(bytes, ENTRY.manifest), ENTRY.manifest);
  const outer = signedDocumentSchema.safeParse(json);
  if (!outer.success)
    throw invalid(
      `manifest.json is not a signed document: ${summariseProblems(problemsFromZod(outer.error))}`,
    );
  const doc = outer.data as SignedDocument;
  const claimed = manifestPayloadSchema.safeParse(doc.payload);
  const senderName = claimed.success ? claimed.data.sender.name : 'unknown';
  const trusted = trustedPublicKeys(db).get(doc.signature.keyId);
  if (!trusted)
    throw invalid(untrustedMessage(doc.signature.keyId, senderName), {
      keyId: doc.signature.keyId,
    });
  if (!signatureValid(doc, trusted.key))
    throw tampered(`manifest.json does not match its signature by ${doc.signature.keyId}`);
  const manifest = parseWith(manifestPayloadSchema, doc.payload, ENTRY.manifest);
  if (manifest.sender.keyId !== doc.signature.keyId)
    throw invalid('manifest.json names a different key from the one that signed it');
  return {
    manifest,
    manifestSha256: createHash('sha256').update(bytes).digest('hex'),
    signer: { keyId: doc.signature.keyId, trustedAs: trusted.name },
  };
}

/** The zip holds exactly what the manifest lists, at the sizes it lists. */
function checkEntriesAgainstManifest(zip: SafeZip, manifest: ManifestPayload): void {
  const listed = new Map<string, ManifestPayload['entries'][number]>();
  for (const entry of manifest.entries) {
    if (entry.name === ENTRY.manifest || listed.has(entry.name))
      throw invalid(`manifest.json lists ${entry.name} more than once`);
    listed.set(entry.name, entry);
  }
  for (const [name, info] of zip.entries) {
    if (name === ENTRY.manifest) continue;
    const entry = listed.get(name);
    if (!entry)
      throw tampered(
        `it holds ${JSON.stringify(name.slice(0, 120))}, which its manifest does not list`,
      );
    if (info.size !== entry.size)
      throw tampered(`${name} is ${info.size} bytes, but the manifest says ${entry.size}`);
  }
  for (const name of listed.keys()) {
    if (!zip.entries.has(name)) throw invalid(`the bundle is incomplete: ${name} is missing`);
  }
  for (const required of [
    ENTRY.provider,
    ENTRY.assessment,
    ENTRY.evidence,
    ENTRY.certificates,
    ENTRY.framework,
  ]) {
    if (!listed.has(required)) throw invalid(`the bundle is incomplete: it has no ${required}`);
  }
}

export async function readBundle(
  db: Database,
  path: string,
  progress: (p: Progress) => void,
): Promise<ParsedBundle> {
  const zip = await openSafeZip(path);
  try {
    const { manifest, manifestSha256, signer } = await readManifest(db, zip);
    checkEntriesAgainstManifest(zip, manifest);
    const expected = new Map(manifest.entries.map((e) => [e.name, e]));
    const total = manifest.entries.reduce((n, e) => n + e.size, 0);
    let done = 0;
    let lastReport = 0;
    const report = (bytes: number) => {
      done += bytes;
      const now = Date.now();
      if (now - lastReport > 100 || done === total) {
        lastReport = now;
        progress({ phase: 'checking the bundle', done, total });
      }
    };

    const readChecked = async (name: string, limit: number): Promise<Buffer> => {
      const bytes = await zip.readBytes(name, limit);
      report(bytes.length);
      if (createHash('sha256').update(bytes).digest('hex') !== expected.get(name)?.sha256)
        throw tampered(`${name} does not match the SHA-256 in its manifest`);
      return bytes;
    };
    const readRecords = async <T>(name: string, schema: z.ZodType<T>): Promise<T> =>
      parseWith(
        schema,
        parseJsonText(decodeText(await readChecked(name, LIMITS.recordBytes), name), name),
        name,
      );

    const provider = await readRecords(ENTRY.provider, providerFileSchema);
    const assessment = await readRecords(ENTRY.assessment, assessmentFileSchema);
    const evidence = (await readRecords(ENTRY.evidence, evidenceFileSchema)).evidence;
    const certificates = (await readRecords(ENTRY.certificates, certificatesFileSchema))
      .certificates;

    let framework: ParsedFramework;
    const frameworkText = decodeText(
      await readChecked(ENTRY.framework, LIMITS.recordBytes),
      ENTRY.framework,
    );
    try {
      framework = parseFrameworkText(frameworkText, 'the framework in the bundle');
    } catch (error) {
      if (error instanceof AppError)
        throw invalid(`${error.message}; the bundle cannot be imported`, error.details);
      throw error;
    }

    const carriedKeys = new Map<string, KeyObject>();
    const files = new Map<string, number>();
    for (const entry of manifest.entries) {
      if (entry.name.startsWith('keys/')) {
        const pem = decodeText(await readChecked(entry.name, LIMITS.keyBytes), entry.name);
        const key = parsePublicKeyPem(pem, `${entry.name} in the bundle`);
        const keyId = keyIdOfEntryName(entry.name);
        if (keyIdFor(key) !== keyId)
          throw invalid(`${entry.name} in the bundle is not the key its name says`);
        carriedKeys.set(keyId, key);
      } else if (entry.name.startsWith('evidence/')) {
        const sha256 = entry.name.slice('evidence/'.length);
        if (entry.sha256 !== sha256)
          throw invalid(`manifest.json gives ${entry.name} another file's hash`);
        const actual = await zip.hashEntry(entry.name, report);
        if (actual.sha256 !== sha256 || actual.size !== entry.size)
          throw tampered(`${entry.name} does not match the SHA-256 in its manifest`);
        files.set(sha256, entry.size);
      }
    }

    const warnings: string[] = [];
    checkConsistency({ manifest, provider, assessment, evidence, certificates, framework, files });
    checkCertificates(db, certificates, carriedKeys, warnings);
    return {
      zip,
      manifest,
      manifestSha256,
      signer,
      provider,
      assessment,
      evidence,
      certificates,
      framework,
      files,
      warnings,
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
