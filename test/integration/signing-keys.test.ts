import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { AppError } from '../../electron/core/errors';
import { signatureValid } from '../../electron/core/signing/documents';
import { unsealPrivateKey } from '../../electron/core/signing/keys';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import { canonicalJson } from '../../shared/signing/canonical-json';
import { fromBase64Url, type SignedDocument } from '../../shared/signing/format';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { tempDir } from '../helpers/temp-dir';
import {
  accreditedAssessment,
  issuedCertificate,
  PASSPHRASE,
  smallCore,
} from '../helpers/accreditation';

type CertificateDocument = SignedDocument<CertificatePayload>;

async function certificateJson(c: Core, number: string): Promise<CertificateDocument> {
  const file = unwrap(await c.invoke('certificates.render', { number, format: 'json' }));
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as CertificateDocument;
}

async function verifyJson(c: Core, doc: unknown, publicKeys?: { source: string; pem: string }[]) {
  return unwrap(
    await c.invoke('certificates.verify', {
      fileName: 'certificate.json',
      base64: Buffer.from(JSON.stringify(doc)).toString('base64'),
      ...(publicKeys ? { publicKeys } : {}),
    }),
  );
}

function openssl(args: string[]) {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface KeyRow {
  key_id: string;
  purpose: string;
  public_key_pem: string;
  private_key: string;
}

describe('the network signing key', () => {
  it('is created once, Ed25519, its private half sealed under the passphrase', async () => {
    const c = await smallCore();
    expect(unwrap(await c.invoke('keys.status', {})).networkKey).toBeNull();
    expect(failure(await c.invoke('keys.exportPublic', {}), 'refused').message).toContain(
      'spqa keys init',
    );

    const before = dumpDatabase(c.context.db);
    expect(
      failure(await c.invoke('keys.init', { passphrase: 'too short' }), 'invalid_input').message,
    ).toBe('the passphrase must be at least 10 characters');
    expect(dumpDatabase(c.context.db)).toEqual(before);

    const made = unwrap(await c.invoke('keys.init', { passphrase: PASSPHRASE }));
    expect(made.created).toBe(true);
    expect(made.keyId).toMatch(/^ed25519:[0-9a-f]{32}$/);
    expect(unwrap(await c.invoke('keys.status', {})).networkKey?.keyId).toBe(made.keyId);

    const rows = c.context.db.prepare('SELECT * FROM signing_keys').all() as KeyRow[];
    expect(rows).toHaveLength(1);
    const row = rows[0] as KeyRow;
    expect(row).toMatchObject({ key_id: made.keyId, purpose: 'network' });
    // Stored sealed: no PEM or DER private key in the clear, only scrypt parameters and ciphertext.
    const sealed = JSON.parse(row.private_key) as Record<string, unknown>;
    expect(Object.keys(sealed).sort()).toEqual(
      ['N', 'data', 'iv', 'kdf', 'p', 'r', 'salt', 'tag', 'v'].sort(),
    );
    expect(sealed.kdf).toBe('scrypt');
    expect(row.private_key).not.toContain('PRIVATE KEY');
    expect(() => createPrivateKey(row.private_key)).toThrow();

    const privateKey = unsealPrivateKey(row.private_key, PASSPHRASE);
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    expect(createPublicKey(privateKey).export({ format: 'pem', type: 'spki' })).toBe(
      row.public_key_pem,
    );
    let wrong: unknown;
    try {
      unsealPrivateKey(row.private_key, 'not the passphrase at all');
    } catch (error) {
      wrong = error;
    }
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).message).toBe('wrong passphrase for the network signing key');

    const audit = unwrap(await c.invoke('audit.list', { entityId: made.keyId }));
    expect(audit.map((e) => e.action)).toEqual(['keys.created']);

    // Asking again changes nothing, whatever passphrase is given: the key is never replaced.
    const again = unwrap(await c.invoke('keys.init', { passphrase: 'another long passphrase' }));
    expect(again).toEqual({ keyId: made.keyId, created: false });
    expect(c.context.db.prepare('SELECT * FROM signing_keys').all()).toEqual(rows);
  });

  it('exports its public key as an SPKI PEM whose key id anyone can recompute', async () => {
    const c = await smallCore();
    const { keyId } = unwrap(await c.invoke('keys.init', { passphrase: PASSPHRASE }));
    const exported = unwrap(await c.invoke('keys.exportPublic', {}));
    expect(exported.keyId).toBe(keyId);
    expect(exported.pem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/,
    );
    const key = createPublicKey(exported.pem);
    expect(key.asymmetricKeyType).toBe('ed25519');

    // OpenSSL reads it as an Ed25519 SPKI key; the key id is the SHA-256 of that DER, cut to 16 bytes.
    const dir = tempDir();
    const pem = join(dir, 'network.pem');
    const der = join(dir, 'network.der');
    writeFileSync(pem, exported.pem);
    const text = openssl(['pkey', '-pubin', '-in', pem, '-noout', '-text']);
    expect(text.status, text.output).toBe(0);
    expect(text.output).toContain('ED25519 Public-Key');
    expect(openssl(['pkey', '-pubin', '-in', pem, '-outform', 'DER', '-out', der]).status).toBe(0);
    const digest = openssl(['dgst', '-sha256', '-r', der]).output.slice(0, 64);
    expect(keyId).toBe(`ed25519:${digest.slice(0, 32)}`);
  });

  it('refuses a wrong passphrase when issuing, plainly, and changes nothing', async () => {
    const c = await smallCore();
    const { assessment } = await accreditedAssessment(c);
    unwrap(await c.invoke('keys.init', { passphrase: PASSPHRASE }));
    const before = dumpDatabase(c.context.db);
    const error = failure(
      await c.invoke('certificates.issue', {
        assessmentId: assessment.id,
        passphrase: 'not the right passphrase',
      }),
      'invalid_input',
    );
    expect(error.message).toBe('wrong passphrase for the network signing key');
    expect(dumpDatabase(c.context.db)).toEqual(before);
    const cert = unwrap(
      await c.invoke('certificates.issue', { assessmentId: assessment.id, passphrase: PASSPHRASE }),
    );
    expect(cert.number).toBe('SPQA-2026-000001');
  });
});

describe('a signed certificate', () => {
  let core: Core;
  let doc: CertificateDocument;
  let pem: string;

  beforeAll(async () => {
    core = await smallCore();
    const { certificate } = await issuedCertificate(core);
    doc = await certificateJson(core, certificate.number);
    pem = unwrap(await core.invoke('keys.exportPublic', {})).pem;
  });

  it('has the shared signed-document form and verifies, in the app and with the public key alone', async () => {
    expect(Object.keys(doc).sort()).toEqual(['payload', 'signature']);
    expect(doc.signature.alg).toBe('Ed25519');
    expect(doc.signature.keyId).toBe(doc.payload.issuer.keyId);
    expect(fromBase64Url(doc.signature.value)).toHaveLength(64);
    expect(signatureValid(doc, createPublicKey(pem))).toBe(true);
    const verdict = await verifyJson(core, doc);
    expect(verdict.valid).toBe(true);
    expect(verdict.checks.find((c) => c.check === 'signature')).toEqual({
      check: 'signature',
      ok: true,
      detail: `signed by this network (${doc.signature.keyId})`,
    });
  });

  it('fails the signature check when any one payload field is changed', async () => {
    const p = doc.payload;
    const changes: [string, Partial<CertificatePayload>][] = [
      ['holder name', { holder: { ...p.holder, name: `${p.holder.name} Ltd` } }],
      ['expiry', { expiresOn: '2039-03-03' }],
      ['issue date', { issuedOn: '2026-03-05' }],
      ['number', { number: 'SPQA-2026-000002' }],
      ['outcome', { decision: { ...p.decision, outcome: 'conditional' } }],
      ['scope', { scope: { ...p.scope, services: [] } }],
      ['revision', { assessment: { ...p.assessment, revision: 2 } }],
      ['supersedes', { supersedes: 'SPQA-2025-000001' }],
    ];
    for (const [what, change] of changes) {
      const verdict = await verifyJson(core, { ...doc, payload: { ...p, ...change } });
      expect(verdict.valid, what).toBe(false);
      expect(
        verdict.checks.find((c) => c.check === 'signature'),
        what,
      ).toEqual({
        check: 'signature',
        ok: false,
        detail:
          'the signature does not match the content: the certificate was changed after it was signed',
      });
    }
    // A changed signature is caught the same way.
    const value = doc.signature.value;
    const flipped = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
    const verdict = await verifyJson(core, {
      ...doc,
      signature: { ...doc.signature, value: flipped },
    });
    expect(verdict.checks.find((c) => c.check === 'signature')?.ok).toBe(false);
  });

  it('signed by another network’s key is not trusted, unless that network’s key is given', async () => {
    const other = await smallCore();
    const { certificate } = await issuedCertificate(other);
    const foreign = await certificateJson(other, certificate.number);
    const otherPem = unwrap(await other.invoke('keys.exportPublic', {})).pem;
    expect(foreign.signature.keyId).not.toBe(doc.signature.keyId);

    const verdict = await verifyJson(core, foreign);
    expect(verdict.valid).toBe(false);
    expect(verdict.checks.find((c) => c.check === 'signature')).toEqual({
      check: 'signature',
      ok: false,
      detail: `signed with key ${foreign.signature.keyId}, which is not this network's key or a key you trust`,
    });

    // Claiming this network's key id does not help: the signature does not match that key.
    const claimed = await verifyJson(core, {
      payload: {
        ...foreign.payload,
        issuer: { ...foreign.payload.issuer, keyId: doc.signature.keyId },
      },
      signature: { ...foreign.signature, keyId: doc.signature.keyId },
    });
    expect(claimed.checks.find((c) => c.check === 'signature')?.detail).toContain(
      'changed after it was signed',
    );

    const given = await verifyJson(core, foreign, [{ source: 'other.pem', pem: otherPem }]);
    expect(given.checks.find((c) => c.check === 'signature')).toEqual({
      check: 'signature',
      ok: true,
      detail: `signed by other.pem (${foreign.signature.keyId})`,
    });
  });

  it('is verified by OpenSSL over the RFC 8785 canonical bytes with the exported public key', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'network.pem');
    const payloadFile = join(dir, 'payload.canonical');
    const sigFile = join(dir, 'signature.bin');
    writeFileSync(keyFile, pem);
    const canonical = canonicalJson(doc.payload);
    writeFileSync(payloadFile, canonical, 'utf8');
    writeFileSync(sigFile, fromBase64Url(doc.signature.value));
    const args = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      keyFile,
      '-rawin',
      '-in',
      payloadFile,
      '-sigfile',
      sigFile,
    ];
    const good = openssl(args);
    expect(good.output).toContain('Signature Verified Successfully');
    expect(good.status).toBe(0);

    // The same bytes with one character changed do not verify.
    writeFileSync(payloadFile, canonical.replace(doc.payload.holder.name, 'Someone Else'), 'utf8');
    const bad = openssl(args);
    expect(bad.output).toContain('Signature Verification Failure');
    expect(bad.status).not.toBe(0);
  });
});
