import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import type { CertificatePayload, Decision } from '../../../shared/accreditation/schema';
import { expiryFor } from '../../../shared/accreditation/lifecycle';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { Framework } from '../../../shared/framework/schema';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { sealedRevision } from '../accreditation/seal';
import { refused } from '../errors';
import { getFramework } from '../frameworks/store';
import { getProvider, listServices } from '../providers/queries';
import { signDocument } from '../signing/documents';

/** Domains in scope: those the provider's type is assessed on. */
function domainsInScope(framework: Framework, assessment: AssessmentSummary) {
  const codes = new Set(
    applicableCriteria(framework, assessment.providerType).map((c) => c.domain.code),
  );
  return framework.domains
    .filter((d) => codes.has(d.code))
    .map((d) => ({ code: d.code, title: d.title }));
}

/** The certificate's content, from the provider as it is now and the decision on the sealed revision. */
export function buildPayload(
  db: Database,
  values: {
    number: string;
    assessment: AssessmentSummary;
    decision: Decision;
    issuedOn: string;
    expiresOn?: string;
    issuer: { name: string; keyId: string };
    supersedes: string | null;
  },
): CertificatePayload {
  const { assessment, decision } = values;
  if (decision.outcome === 'not-accredited')
    throw refused('the decision was not to accredit, so there is no certificate to issue');
  const sealed = sealedRevision(db, assessment.id, decision.revision);
  if (!sealed?.revision.sha256)
    throw refused(`revision ${decision.revision} of assessment ${assessment.id} is not sealed`);
  const provider = getProvider(db, assessment.providerId);
  const { framework, summary } = getFramework(
    db,
    assessment.frameworkId,
    assessment.frameworkVersion,
  );
  const services = listServices(db, provider.id).filter((s) => !s.archivedAt);
  return {
    type: 'SPQACertificate',
    formatVersion: 1,
    number: values.number,
    holder: {
      providerId: provider.id,
      name: provider.name,
      address: [provider.addressLine1, provider.addressLine2, provider.town]
        .filter(Boolean)
        .join(', '),
      postcode: provider.postcode,
      region: provider.region,
      charityNumber: provider.charityNumber,
      companyNumber: provider.companyNumber,
    },
    scope: {
      services: services.map((s) => ({ id: s.id, name: s.name, category: s.category })),
      domains: domainsInScope(framework, assessment),
    },
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      sha256: summary.sha256,
    },
    decision: {
      outcome: decision.outcome,
      decidedOn: decision.decidedAt.slice(0, 10),
      conditions: decision.conditions,
      conditionsDue: decision.conditionsDue,
    },
    assessment: {
      id: assessment.id,
      revision: decision.revision,
      sealSha256: sealed.revision.sha256,
    },
    issuedOn: values.issuedOn,
    expiresOn: values.expiresOn ?? expiryFor(values.issuedOn, framework.outcomeRules.validityYears),
    issuer: values.issuer,
    supersedes: values.supersedes,
  };
}

export function insertCertificate(
  db: Database,
  payload: CertificatePayload,
  values: {
    baseNumber: string;
    reissue: number;
    decisionId: string;
    privateKey: KeyObject;
    now: string;
  },
): void {
  const document = signDocument(payload, values.privateKey, payload.issuer.keyId);
  db.prepare(
    `INSERT INTO certificates (number, base_number, reissue, assessment_id, decision_id, provider_id, status, issued_on,
       expires_on, key_id, document, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
  ).run(
    payload.number,
    values.baseNumber,
    values.reissue,
    payload.assessment.id,
    values.decisionId,
    payload.holder.providerId,
    payload.issuedOn,
    payload.expiresOn,
    payload.issuer.keyId,
    JSON.stringify(document),
    values.now,
  );
}
