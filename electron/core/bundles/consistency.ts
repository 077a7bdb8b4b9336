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
    const k = key(item);
    if (seen.has(k)) throw invalid(`the bundle lists ${what} ${k} twice`);
    seen.add(k);
  }
}

/**
 * The records agree with each other and with the manifest, and keep the rules the database
 * enforces, so applying them can only fail for reasons the preview has already named.
 */
export function checkConsistency(b: {
  manifest: ManifestPayload;
  provider: ProviderFile;
  assessment: AssessmentFile;
  evidence: BundleEvidence[];
  certificates: BundleCertificate[];
  framework: ParsedFramework;
  files: Map<string, number>;
}): void {
  const { manifest, provider, assessment: file, evidence, framework } = b;
  const a = file.assessment;
  const bad = (message: string) => invalid(`the bundle does not hold together: ${message}`);
  const s = manifest.subject;
  if (s.assessmentId !== a.id || s.kind !== a.kind || s.revision !== a.revision)
    throw bad('the manifest describes a different assessment from the one it carries');
  if (s.providerId !== provider.provider.id || a.providerId !== provider.provider.id)
    throw bad('the assessment is not of the provider it carries');
  for (const service of provider.services)
    if (service.providerId !== provider.provider.id)
      throw bad(`service ${service.id} belongs to another provider`);
  unique(provider.services, (x) => x.id, 'service');

  if (
    a.frameworkId !== framework.framework.id ||
    a.frameworkVersion !== framework.framework.version ||
    manifest.framework.id !== a.frameworkId ||
    manifest.framework.version !== a.frameworkVersion
  )
    throw bad('the framework carried is not the one the assessment was made against');
  if (framework.sha256 !== manifest.framework.sha256)
    throw bad('the framework carried is not the version the manifest names (its hash differs)');

  const own = <T extends { assessmentId: string }>(items: T[], what: string) => {
    for (const item of items)
      if (item.assessmentId !== a.id) throw bad(`a ${what} belongs to another assessment`);
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
  revisions.forEach((r, i) => {
    if (r.revision !== i + 1) throw bad('the revisions are not numbered 1, 2, 3 … without gaps');
    const sealed = r.sealedAt !== null;
    if (
      sealed !== (r.snapshot !== null) ||
      sealed !== (r.sha256 !== null) ||
      sealed !== (r.sealedBy !== null)
    )
      throw bad(`revision ${r.revision} is half sealed`);
    if (!sealed && r.revision < a.revision)
      throw bad(`revision ${r.revision} was replaced by a later one without being sealed`);
    if (r.snapshot && r.sha256) {
      if (snapshotHash(r.snapshot) !== r.sha256)
        throw tampered(`the sealed snapshot of revision ${r.revision} does not match its hash`);
      const of = (r.snapshot as { assessment?: { id?: unknown; revision?: unknown } }).assessment;
      if (of?.id !== a.id || of.revision !== r.revision)
        throw bad(
          `the sealed snapshot of revision ${r.revision} is of another assessment or revision`,
        );
    }
  });
  if (revisions.length !== a.revision)
    throw bad(
      `the assessment is at revision ${a.revision} but ${revisions.length} revisions travel`,
    );
  const sealedRevisions = new Set(revisions.filter((r) => r.sealedAt).map((r) => r.revision));
  for (const d of file.decisions) {
    if (!sealedRevisions.has(d.revision))
      throw bad(`decision ${d.id} is on a revision that was never sealed`);
    if (d.outcome === 'conditional' && (!d.conditions || !d.conditionsDue))
      throw bad(`decision ${d.id} sets conditions without saying what or by when`);
  }

  const referenced = new Set<string>();
  for (const e of evidence) {
    if ((e.sha256 === null) === (e.url === null))
      throw bad(`evidence ${e.id} must be a file or a link`);
    if (e.removedAt && !e.removalReason) throw bad(`evidence ${e.id} was removed without a reason`);
    if (!e.fileIncluded) continue;
    if (!e.sha256 || !b.files.has(e.sha256))
      throw bad(
        `evidence ${e.id} says its file travels, but ${e.sha256 ? evidenceEntryName(e.sha256) : 'it'} is not in the bundle`,
      );
    if (e.size !== b.files.get(e.sha256))
      throw bad(`evidence ${e.id} gives a size its file does not have`);
    if (e.personalData && !manifest.includesPersonalData)
      throw bad(`evidence ${e.id} is personal data, yet the manifest says none is included`);
    referenced.add(e.sha256);
  }
  for (const sha256 of b.files.keys())
    if (!referenced.has(sha256))
      throw bad(`${evidenceEntryName(sha256)} belongs to no evidence record`);

  unique(b.certificates, (x) => x.number, 'certificate');
  const decisions = new Set(file.decisions.map((d) => d.id));
  for (const c of b.certificates) {
    if (c.assessmentId !== a.id || c.providerId !== provider.provider.id)
      throw bad(`certificate ${c.number} is not for this assessment and provider`);
    if (!decisions.has(c.decisionId))
      throw bad(`certificate ${c.number} rests on a decision the bundle does not carry`);
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
  for (const c of certificates) {
    const payload = certificatePayloadSchema.safeParse(c.document.payload);
    if (!payload.success)
      throw invalid(
        `certificate ${c.number} in the bundle is not a certificate: ${summariseProblems(problemsFromZod(payload.error))}`,
      );
    const p = payload.data;
    if (
      p.number !== c.number ||
      c.number !== reissuedCertificateNumber(c.baseNumber, c.reissue) ||
      p.assessment.id !== c.assessmentId ||
      p.holder.providerId !== c.providerId ||
      p.issuedOn !== c.issuedOn ||
      p.expiresOn !== c.expiresOn ||
      p.issuer.keyId !== c.keyId ||
      c.document.signature.keyId !== c.keyId
    )
      throw invalid(`certificate ${c.number} in the bundle does not match its own signed document`);
    const key = keys.get(c.keyId);
    if (!key) {
      warnings.push(
        `certificate ${c.number} is signed by key ${c.keyId}, which neither travels with the bundle nor is trusted here, so its signature was not checked`,
      );
    } else if (!signatureValid(c.document as SignedDocument, key)) {
      throw tampered(`the signature of certificate ${c.number} does not match its content`);
    }
  }
}
