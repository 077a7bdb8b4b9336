import { describe, expect, it } from 'vitest';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import type { SignedDocument } from '../../shared/signing/format';
import type { Core } from '../../electron/core/app';
import { renderCertificatePdf } from '../../electron/core/exports/certificate-pdf';
import {
  decide,
  issueCertificate,
  providerWithTwoServices,
  rateAll,
} from '../helpers/accreditation';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import { openBadgeValidator } from '../helpers/open-badge-schema';
import { RESOURCES_DIR } from '../helpers/paths';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const PASSPHRASE = 'network passphrase for tests';

/**
 * The way a certificate comes to be, through the core: a provider with services, an external
 * assessment rated in full with evidence and a finding, submitted, decided by a panel, issued.
 */
async function issuedCertificate(core: Core) {
  const provider = await providerWithTwoServices(core);
  const assessment = unwrap(
    await core.invoke('assessments.startExternal', {
      providerId: provider.id,
      assessor: 'Rhiannon Assessor',
      declaration: { kind: 'none' },
    }),
  );
  const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
  const [first] = detail.applicableCodes;
  const file = writeTempFile(
    tempDir(),
    'safeguarding-policy.txt',
    'Our safeguarding policy, adopted by the trustees.',
  );
  const evidence = unwrap(
    await core.invoke('evidence.add', {
      assessmentId: assessment.id,
      criteria: [first ?? ''],
      sources: [{ kind: 'path', path: file }],
      metadata: { title: 'Safeguarding policy', kind: 'policy' },
    }),
  );
  await rateAll(core, assessment.id);
  unwrap(
    await core.invoke('findings.save', {
      assessmentId: assessment.id,
      criterion: first ?? '',
      type: 'good-practice',
      text: 'Referrers are answered within two working days.',
    }),
  );
  unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
  await decide(core, assessment.id, 'accredited', { decidedBy: 'Panel chair' });
  const certificate = await issueCertificate(core, assessment.id, PASSPHRASE);
  return { assessment, certificate, evidence };
}

const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('a certificate issued by the core', () => {
  it('renders to a PDF that verifies on its own, a badge that validates, and a report', async () => {
    const core = await openTestCore({ clock: manualClock('2026-03-04T10:00:00Z') });
    const { assessment, certificate, evidence } = await issuedCertificate(core);

    const pdf = unwrap(
      await core.invoke('certificates.render', { number: certificate.number, format: 'pdf' }),
    );
    expect(pdf).toMatchObject({
      fileName: `${certificate.number}.pdf`,
      mediaType: 'application/pdf',
    });
    const text = pdfText(bytesOf(pdf));
    for (const expected of [
      'Cymdeithas Gŵyl Ŷd',
      certificate.number,
      'Gardd Gymunedol',
      '4 March 2026',
      '3 March 2029',
    ]) {
      expect(text).toContain(expected);
    }
    expect(qpdfCheck(bytesOf(pdf)).status).toBe(0);

    const verified = unwrap(
      await core.invoke('certificates.verify', { fileName: pdf.fileName, base64: pdf.base64 }),
    );
    expect(verified.checks.map((c) => [c.check, c.ok])).toEqual([
      ['format', true],
      ['signature', true],
      ['dates', true],
      ['status', true],
    ]);
    expect(verified).toMatchObject({
      valid: true,
      number: certificate.number,
      holder: 'Cymdeithas Gŵyl Ŷd',
    });

    const json = unwrap(
      await core.invoke('certificates.render', { number: certificate.number, format: 'json' }),
    );
    const attached = JSON.parse(bytesOf(json).toString('utf8')) as unknown;
    const badge = unwrap(
      await core.invoke('certificates.badge', {
        number: certificate.number,
        passphrase: PASSPHRASE,
        format: 'json',
      }),
    );
    const validate = openBadgeValidator();
    expect(
      validate(JSON.parse(bytesOf(badge).toString('utf8'))),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(attached).toMatchObject({ payload: { number: certificate.number } });

    const report = unwrap(await core.invoke('reports.render', { assessmentId: assessment.id }));
    const reportText = pdfText(bytesOf(report));
    expect(reportText).toContain('Accredited, decided by Panel chair');
    expect(reportText).toContain('Referrers are answered within two working days.');
    expect(reportText).toContain(`SHA-256 ${evidence[0]?.sha256 ?? 'missing'}`);
    expect(qpdfCheck(bytesOf(report)).status).toBe(0);
  });

  it('fails verification of a PDF cut short, or of one whose certificate was altered, saying which check failed', async () => {
    const core = await openTestCore({ clock: manualClock('2026-03-04T10:00:00Z') });
    const { certificate } = await issuedCertificate(core);
    const pdf = unwrap(
      await core.invoke('certificates.render', { number: certificate.number, format: 'pdf' }),
    );
    const cut = bytesOf(pdf).subarray(0, 20_000);
    const truncated = unwrap(
      await core.invoke('certificates.verify', {
        fileName: 'cut.pdf',
        base64: cut.toString('base64'),
      }),
    );
    expect(truncated.valid).toBe(false);
    expect(truncated.checks).toEqual([
      {
        check: 'format',
        ok: false,
        detail: expect.stringContaining('cut.pdf is damaged or truncated') as unknown,
      },
    ]);

    const json = unwrap(
      await core.invoke('certificates.render', { number: certificate.number, format: 'json' }),
    );
    const doc = JSON.parse(bytesOf(json).toString('utf8')) as SignedDocument<CertificatePayload>;
    const forged = { ...doc, payload: { ...doc.payload, expiresOn: '2039-03-03' } };
    const forgedPdf = Buffer.from(await renderCertificatePdf(forged, RESOURCES_DIR));
    const result = unwrap(
      await core.invoke('certificates.verify', {
        fileName: 'forged.pdf',
        base64: forgedPdf.toString('base64'),
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('changed after it was signed') as unknown,
    });
  });
});
