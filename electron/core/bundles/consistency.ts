import type { KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { certificatePayloadSchema } from '../../../shared/accreditation/schema';
import { reissuedCertificateNumber } from '../../../shared/accreditation/certificate-number';
import {
  evidenceEntryName,
  type AssessmentFile,
  type BundleCertificate,
  type BundleEvidence,
  type ManifestPayload,
  type ProviderFile,
} from '../../../shared/bundles/schema';
import type { SignedDocument } from '../../../shared/signing/format';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { snapshotHash } from '../accreditation/seal';
import { invalid } from '../errors';
import type { ParsedFramework } from '../frameworks/parse';
import { signatureValid } from '../signing/documents';
import { trustedPublicKeys } from '../signing/keystore';

export const tampered = (what: string) =>
  invalid(`the bundle was changed after it was signed: ${what}; nothing was imported`);

function unique<T>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const itemKey = key(item);
    if (seen.has(itemKey)) throw invalid(`the bundle lists ${what} ${itemKey} twice`);
    seen.add(itemKey);
  }
}

/**
 * The records agree with each other and with the manifest, and keep the rules the database
 * enforces, so applying them can only fail for reasons the preview has already named.
 */
export function checkConsistency(records: {
  manifest: ManifestPayload;
  provider: ProviderFile;
  assessment: AssessmentFile;
  evidence: BundleEvidence[];
  certificates: BundleCertificate[];
  framework: ParsedFramework;
  files: Map<string, number>;
}): void {
  const { manifest, provider, assessment: file, evidence, framework } = records;
  const assessment = file.assessment;
  const bad = (message: string) => invalid(`the bundle does not hold together: ${message}`);
  const subject = manifest.subject;
  if (
    subject.assessmentId !== assessment.id ||
    subject.kind !== assessment.kind ||
    subject.revision !== assessment.revision
  )
    throw bad('the manifest describes a different assessment from the one it carries');
  if (subject.providerId !== provider.provider.id || assessment.providerId !== provider.provider.id)
    throw bad('the assessment is not of the provider it carries');
  for (const service of provider.services)
    if (service.providerId !== provider.provider.id)
      throw bad(`service ${service.id} belongs to another provider`);
  unique(provider.services, (x) => x.id, 'service');

  if (
    assessment.frameworkId !== framework.framework.id ||
    assessment.frameworkVersion !== framework.framework.version ||
    manifest.framework.id !== assessment.frameworkId ||
    manifest.framework.version !== assessment.frameworkVersion
  )
    throw bad('the framework carried is not the one the assessment was made against');
  if (framework.sha256 !== manifest.framework.sha256)
    throw bad('the framework carried is not the version the manifest names (its hash differs)');

  const own = <T extends { assessmentId: string }>(items: T[], what: string) => {
    for (const item of items)
      if (item.assessmentId !== assessment.id) throw bad(`a ${what} belongs to another assessment`);
  };
  own(file.ratings, 'rating');
  own(file.actions, 'improvement action');
  own(file.findings, 'finding');
  own(file.revisions, 'revision');
  own(file.decisions, 'decision');
  own(evidence, 'piece of evidence');
  unique(file.ratings, (x) => x.criterion, 'a rating for');
  unique(file.actions, (x) => x.criterion, 'an improvement action for');
  unique(file.actions, (x) => x.id, 'improvement action');
  unique(file.findings, (x) => x.id, 'finding');
  unique(file.decisions, (x) => x.id, 'decision');
  unique(file.decisions, (x) => String(x.revision), 'a decision on revision');
  unique(evidence, (x) => x.id, 'evidence');

  for (const r of file.ratings)
    if (r.rating === 'na' && !r.reason)
      throw bad(`rating ${r.criterion} is not applicable without a reason`);
  for (const f of file.findings)
    if (
      (f.type === 'minor-nc' || f.type === 'major-nc') &&
      (!f.action || !f.actionOwner || !f.actionDue)
    )
      throw bad(`finding ${f.id} is a nonconformity without its action`);

  const revisions = [...file.revisions].sort((x, y) => x.revision - y.revision);
  revisions.forEach((revision, index) => {
    if (revision.revision !== index + 1)
      throw bad('the revisions are not numbered 1, 2, 3 … without gaps');
    const sealed = revision.sealedAt !== null;
    if (
      sealed !== (revision.snapshot !== null) ||
      sealed !== (revision.sha256 !== null) ||
      sealed !== (revision.sealedBy !== null)
    )
      throw bad(`revision ${revision.revision} is half sealed`);
    if (!sealed && revision.revision < assessment.revision)
      throw bad(`revision ${revision.revision} was replaced by a later one without being sealed`);
    if (revision.snapshot && revision.sha256) {
      if (snapshotHash(revision.snapshot) !== revision.sha256)
        throw tampered(
          `the sealed snapshot of revision ${revision.revision} does not match its hash`,
        );
      const of = (revision.snapshot as { assessment?: { id?: unknown; revision?: unknown } })
        .assessment;
      if (of?.id !== assessment.id || of.revision !== revision.revision)
        throw bad(
          `the sealed snapshot of revision ${revision.revision} is of another assessment or revision`,
        );
    }
  });
  if (revisions.length !== assessment.revision)
    throw bad(
      `the assessment is at revision ${assessment.revision} but ${revisions.length} revisions travel`,
    );
  const sealedRevisions = new Set(revisions.filter((r) => r.sealedAt).map((r) => r.revision));
  for (const decision of file.decisions) {
    if (!sealedRevisions.has(decision.revision))
      throw bad(`decision ${decision.id} is on a revision that was never sealed`);
    if (decision.outcome === 'conditional' && (!decision.conditions || !decision.conditionsDue))
      throw bad(`decision ${decision.id} sets conditions without saying what or by when`);
  }

  const referenced = new Set<string>();
  for (const record of evidence) {
    if ((record.sha256 === null) === (record.url === null))
      throw bad(`evidence ${record.id} must be a file or a link`);
    if (record.removedAt && !record.removalReason)
      throw bad(`evidence ${record.id} was removed without a reason`);
    if (!record.fileIncluded) continue;
    if (!record.sha256 || !records.files.has(record.sha256))
      throw bad(
        `evidence ${record.id} says its file travels, but ${record.sha256 ? evidenceEntryName(record.sha256) : 'it'} is not in the bundle`,
      );
    if (record.size !== records.files.get(record.sha256))
      throw bad(`evidence ${record.id} gives a size its file does not have`);
    if (record.personalData && !manifest.includesPersonalData)
      throw bad(`evidence ${record.id} is personal data, yet the manifest says none is included`);
    referenced.add(record.sha256);
  }
  for (const sha256 of records.files.keys())
    if (!referenced.has(sha256))
      throw bad(`${evidenceEntryName(sha256)} belongs to no evidence record`);

  unique(records.certificates, (x) => x.number, 'certificate');
  const decisions = new Set(file.decisions.map((d) => d.id));
  for (const certificate of records.certificates) {
    if (
      certificate.assessmentId !== assessment.id ||
      certificate.providerId !== provider.provider.id
    )
      throw bad(`certificate ${certificate.number} is not for this assessment and provider`);
    if (!decisions.has(certificate.decisionId))
      throw bad(`certificate ${certificate.number} rests on a decision the bundle does not carry`);
  }
}

/** Each certificate is the signed document it claims to be; signatures are checked wherever the key is known. */
export function checkCertificates(
  db: Database,
  certificates: BundleCertificate[],
  carried: Map<string, KeyObject>,
  warnings: string[],
): void {
  const keys = new Map<string, KeyObject>(carried);
  for (const [keyId, { key }] of trustedPublicKeys(db)) keys.set(keyId, key);
  for (const certificate of certificates) {
    const payload = certificatePayloadSchema.safeParse(certificate.document.payload);
    if (!payload.success)
      throw invalid(
        `certificate ${certificate.number} in the bundle is not a certificate: ${summariseProblems(problemsFromZod(payload.error))}`,
      );
    const signed = payload.data;
    if (
      signed.number !== certificate.number ||
      certificate.number !==
        reissuedCertificateNumber(certificate.baseNumber, certificate.reissue) ||
      signed.assessment.id !== certificate.assessmentId ||
      signed.holder.providerId !== certificate.providerId ||
      signed.issuedOn !== certificate.issuedOn ||
      signed.expiresOn !== certificate.expiresOn ||
      signed.issuer.keyId !== certificate.keyId ||
      certificate.document.signature.keyId !== certificate.keyId
    )
      throw invalid(
        `certificate ${certificate.number} in the bundle does not match its own signed document`,
      );
    const key = keys.get(certificate.keyId);
    if (!key) {
      warnings.push(
        `certificate ${certificate.number} is signed by key ${certificate.keyId}, which neither travels with the bundle nor is trusted here, so its signature was not checked`,
      );
    } else if (!signatureValid(certificate.document as SignedDocument, key)) {
      throw tampered(
        `the signature of certificate ${certificate.number} does not match its content`,
      );
    }
  }
}
