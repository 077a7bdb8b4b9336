import type { KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { RegisterVerification } from '../../../shared/contract/register';
import {
  manifestPayloadSchema,
  PUBLICATION_FILES,
  registerSchema,
} from '../../../shared/register/schema';
import { signedDocumentSchema, type SignedDocument } from '../../../shared/signing/format';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { statusListPayloadSchema } from '../certificates/verify';
import type { CoreContext } from '../context';
import { sha256OfFile } from '../files/hash-file';
import { signatureValid } from '../signing/documents';
import { keyIdFor, parsePublicKeyPem } from '../signing/keys';
import { networkKeyRow, trustedPublicKeys } from '../signing/keystore';
import { messageOf } from '../errors';

type Check = RegisterVerification['checks'][number];

/** Every file under `dir`, as publication paths with forward slashes. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function readJson(dir: string, path: string): unknown {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown;
}

function signedBy(
  json: unknown,
  key: KeyObject,
  keyId: string,
): { doc: SignedDocument; problem: null } | { doc: null; problem: string } {
  const parsed = signedDocumentSchema.safeParse(json);
  if (!parsed.success) return { doc: null, problem: 'not a signed document' };
  if (parsed.data.signature.keyId !== keyId)
    return {
      doc: null,
      problem: `signed with key ${parsed.data.signature.keyId}, not the key in public-key.pem (${keyId})`,
    };
  if (!signatureValid(parsed.data, key))
    return { doc: null, problem: 'the signature does not match: it was changed after signing' };
  return { doc: parsed.data, problem: null };
}

/**
 * Checks a publication: the manifest's signature by the key published with it, every listed
 * file's size and SHA-256, no file unlisted, the status list's signature, and register.json
 * against its schema. Each check names its file; any failure makes the whole `ok` false.
 */
export async function verifyPublication(
  ctx: CoreContext,
  input: { dir: string; publicKeyPem?: string | undefined },
): Promise<RegisterVerification> {
  const dir = resolve(input.dir);
  const checks: Check[] = [];
  const result = (extra: Partial<RegisterVerification> = {}): RegisterVerification => ({
    dir,
    ok: checks.length > 0 && checks.every((c) => c.ok),
    generatedAt: null,
    keyId: null,
    signer: null,
    checks,
    ...extra,
  });
  const fail = (file: string, detail: string) => checks.push({ file, ok: false, detail });
  const pass = (file: string, detail: string) => checks.push({ file, ok: true, detail });

  try {
    if (!statSync(dir).isDirectory()) {
      fail(input.dir, 'not a folder');
      return result();
    }
  } catch {
    fail(input.dir, 'no such folder');
    return result();
  }

  let key: KeyObject;
  try {
    key = parsePublicKeyPem(
      readFileSync(join(dir, PUBLICATION_FILES.publicKey), 'utf8'),
      PUBLICATION_FILES.publicKey,
    );
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail(PUBLICATION_FILES.publicKey, missing ? 'missing' : messageOf(error));
    return result();
  }
  const keyId = keyIdFor(key);
  let signer: RegisterVerification['signer'] = 'unknown';
  if (input.publicKeyPem) {
    const expected = keyIdFor(parsePublicKeyPem(input.publicKeyPem, 'the key given'));
    if (expected !== keyId) {
      fail(PUBLICATION_FILES.publicKey, `holds key ${keyId}, not the key given (${expected})`);
      return result({ keyId });
    }
    signer = 'given';
  } else if (networkKeyRow(ctx.db)?.key_id === keyId) signer = 'this-network';
  else if (trustedPublicKeys(ctx.db).has(keyId)) signer = 'trusted';
  pass(
    PUBLICATION_FILES.publicKey,
    {
      given: `key ${keyId}, the key given`,
      'this-network': `key ${keyId}, this network’s own key`,
      trusted: `key ${keyId}, a key this installation trusts`,
      unknown: `key ${keyId}, which this installation does not know: compare its id with the one the network publishes`,
    }[signer],
  );

  let manifestJson: unknown;
  try {
    manifestJson = readJson(dir, PUBLICATION_FILES.manifest);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail(PUBLICATION_FILES.manifest, missing ? 'missing' : 'not valid JSON');
    return result({ keyId, signer });
  }
  const signedManifest = signedBy(manifestJson, key, keyId);
  const manifest = signedManifest.doc
    ? manifestPayloadSchema.safeParse(signedManifest.doc.payload)
    : null;
  if (!manifest?.success) {
    fail(PUBLICATION_FILES.manifest, signedManifest.problem ?? 'not a register manifest');
    return result({ keyId, signer });
  }
  const listed = manifest.data.files;
  pass(PUBLICATION_FILES.manifest, `signed by ${keyId}; lists ${listed.length} files`);

  const total = listed.length;
  for (const [index, file] of listed.entries()) {
    ctx.progress({ phase: `checking ${file.path}`, done: index, total });
    // Publication paths are relative, with forward slashes: nothing may lead outside the folder.
    if (
      /[\\:]/.test(file.path) ||
      file.path.split('/').some((p) => p === '..' || p === '' || p === '.')
    ) {
      fail(file.path, 'the manifest names a path outside the publication');
      continue;
    }
    const path = join(dir, ...file.path.split('/'));
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      fail(file.path, 'missing');
      continue;
    }
    if (size !== file.bytes) {
      fail(file.path, `is ${size} bytes; the manifest says ${file.bytes}`);
      continue;
    }
    const sha256 = await sha256OfFile(path);
    if (sha256 !== file.sha256)
      fail(file.path, 'its SHA-256 does not match the manifest: the file was changed');
    else pass(file.path, `SHA-256 ${sha256.slice(0, 16)}… matches`);
  }
  ctx.progress({ phase: 'checking the files', done: total, total });

  const known = new Set([PUBLICATION_FILES.manifest, ...listed.map((f) => f.path)]);
  for (const path of filesUnder(dir))
    if (!known.has(path)) fail(path, 'not listed in the signed manifest');

  const byPath = new Map(checks.map((c) => [c.file, c]));
  const intact = (path: string) => byPath.get(path)?.ok === true;

  if (!known.has(PUBLICATION_FILES.statusList))
    fail(PUBLICATION_FILES.statusList, 'missing from the manifest');
  else if (intact(PUBLICATION_FILES.statusList)) {
    const signed = signedBy(readJson(dir, PUBLICATION_FILES.statusList), key, keyId);
    const list = signed.doc ? statusListPayloadSchema.safeParse(signed.doc.payload) : null;
    if (!list?.success) fail(PUBLICATION_FILES.statusList, signed.problem ?? 'not a status list');
    else
      pass(
        PUBLICATION_FILES.statusList,
        `signed status list of ${list.data.certificates.length} certificates`,
      );
  }

  if (known.has(PUBLICATION_FILES.register) && intact(PUBLICATION_FILES.register)) {
    const parsed = registerSchema.safeParse(readJson(dir, PUBLICATION_FILES.register));
    if (!parsed.success)
      fail(
        PUBLICATION_FILES.register,
        `does not match its schema: ${summariseProblems(problemsFromZod(parsed.error))}`,
      );
    else
      pass(
        PUBLICATION_FILES.register,
        `matches its schema (${parsed.data.entries.length} entries)`,
      );
  }

  return result({ generatedAt: manifest.data.generatedAt, keyId, signer });
}
