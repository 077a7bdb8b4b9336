import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicKeyPem } from '../../electron/core/signing/keys';
import { signedCertificate, testNetworkKey } from '../helpers/certificates';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import { accreditProvider, REGISTER_PASSPHRASE } from '../helpers/register-fixtures';
import { tempDir } from '../helpers/temp-dir';

describe('a register holding a certificate another network issued', () => {
  it('publishes that network’s key with it, so the certificate can be checked', async () => {
    const core = await openTestCore({ clock: manualClock('2026-03-10T10:00:00Z') });
    const local = await accreditProvider(core, { name: 'Local Walkers' });
    // As a bundle import leaves it: the other network's key trusted, its certificate stored.
    const other = testNetworkKey();
    const db = core.context.db;
    db.prepare(
      "INSERT INTO trusted_keys (key_id, name, public_key_pem, added_at, added_by) VALUES (?, 'South Network', ?, ?, 'tester')",
    ).run(other.keyId, publicKeyPem(other.publicKey), '2026-03-05T10:00:00Z');
    const { decision_id: decisionId } = db
      .prepare('SELECT decision_id FROM certificates WHERE number = ?')
      .get(local.number) as { decision_id: string };
    const imported = signedCertificate(other, {
      number: 'SPQA-2026-900001',
      holder: {
        providerId: local.providerId,
        name: 'Local Walkers',
        address: '1 Mill Lane, Blackburn',
        postcode: 'BB1 7DJ',
        region: 'north-west',
        charityNumber: null,
        companyNumber: null,
      },
      scope: { services: [], domains: [] },
      issuer: { name: 'South Network', keyId: other.keyId },
    });
    db.prepare(
      `INSERT INTO certificates (number, base_number, assessment_id, decision_id, provider_id, status, issued_on,
         expires_on, key_id, document, created_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
    ).run(
      imported.payload.number,
      imported.payload.number,
      local.assessmentId,
      decisionId,
      local.providerId,
      imported.payload.issuedOn,
      imported.payload.expiresOn,
      other.keyId,
      JSON.stringify(imported),
      '2026-03-05T10:00:00Z',
    );

    const out = join(tempDir(), 'register');
    const result = unwrap(
      await core.invoke('register.build', { outDir: out, passphrase: REGISTER_PASSPHRASE }),
    );
    const keyFile = `keys/${other.keyId.replace(':', '-')}.pem`;
    expect(result.files.map((f) => f.path)).toContain(keyFile);
    expect(readFileSync(join(out, keyFile), 'utf8')).toBe(publicKeyPem(other.publicKey));
    const register = JSON.parse(readFileSync(join(out, 'register.json'), 'utf8')) as {
      entries: { certificateNumber: string; issuer: { name: string; keyId: string } }[];
    };
    expect(
      register.entries.find((e) => e.certificateNumber === 'SPQA-2026-900001')?.issuer,
    ).toEqual({ name: 'South Network', keyId: other.keyId });
    expect(unwrap(await core.invoke('register.verify', { dir: out })).ok).toBe(true);

    // certificate verify --register reads public-key.pem and keys/*.pem: the same inputs here.
    const verdict = unwrap(
      await core.invoke('certificates.verify', {
        fileName: 'imported.json',
        base64: Buffer.from(JSON.stringify(imported)).toString('base64'),
        statusFile: {
          fileName: 'status.json',
          text: readFileSync(join(out, 'status.json'), 'utf8'),
        },
        publicKeys: [
          { source: 'public-key.pem', pem: readFileSync(join(out, 'public-key.pem'), 'utf8') },
          { source: keyFile, pem: readFileSync(join(out, keyFile), 'utf8') },
        ],
      }),
    );
    expect(verdict.checks.map((c) => [c.check, c.ok])).toEqual([
      ['format', true],
      ['signature', true],
      ['dates', true],
      ['status', true],
    ]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('"otherKeys":[{"name":"South Network"');
  });
});
