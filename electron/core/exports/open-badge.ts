import { createHash } from 'node:crypto';
import type { CertificatePayload } from '../../../shared/accreditation/schema';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import { SERVICE_CATEGORY_LABELS } from '../../../shared/providers/vocabulary';
import type { SignedDocument } from '../../../shared/signing/format';
import { formatDate } from '../../../shared/text/dates';

/**
 * The namespace of SPQA certificate ids (a random UUID fixed once): credential ids are UUID v5
 * names in it, so the same certificate number always gives the same credential id.
 */
const CERTIFICATE_NAMESPACE = '12d0bc65-f2c5-4418-a1fa-c5897683a904';

/** A name-based UUID (RFC 9562 §5.5, SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An identifier of the organisation as Open Badges carries one: stated in the clear, not hashed. */
function identity(identityType: string, value: string) {
  return { type: 'IdentityObject', hashed: false, identityHash: value, identityType };
}

function narrative(cert: CertificatePayload): string {
  const services = cert.scope.services.map(
    (s) =>
      `${s.name} (${(SERVICE_CATEGORY_LABELS as Record<string, string>)[s.category] ?? s.category})`,
  );
  const parts = [
    `${cert.holder.name} was assessed against ${cert.framework.title} (${cert.framework.id}@${cert.framework.version}), ` +
      `covering ${cert.scope.domains.map((d) => `${d.code} ${d.title}`).join('; ')}.`,
    services.length ? `Services in scope: ${services.join('; ')}.` : '',
    `Decision on ${formatDate(cert.decision.decidedOn)}: ${OUTCOME_LABELS[cert.decision.outcome]}, ` +
      'by people who did not carry out the assessment.',
    cert.decision.outcome === 'conditional'
      ? `Conditions, to be met by ${formatDate(cert.decision.conditionsDue)} or the accreditation lapses: ${cert.decision.conditions ?? ''}`
      : '',
  ];
  return parts.filter((p) => p).join('\n\n');
}

/** Who issues a badge: the network's DID (did:key, or did:web once it has a web address). */
export interface BadgeIssuer {
  id: string;
  /** The register's web address, when the issuer is its did:web. */
  url: string | null;
}

/** A badge's place in the published status list (Bitstring Status List v1.0). */
export interface BadgeStatus {
  listUrl: string;
  index: number;
}

/**
 * The certificate as an Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0), so providers can
 * show their accreditation in badge wallets and on their websites. This is the credential before
 * its proof (electron/core/credentials/badges.ts signs it). It carries at most one status entry:
 * Open Badges 3.0 allows `credentialStatus` once (docs/credentials.md says why it is the
 * suspension list).
 */
export function openBadgeCredential(
  doc: SignedDocument<CertificatePayload>,
  issuer: BadgeIssuer,
  status: BadgeStatus | null,
): Record<string, unknown> {
  const cert = doc.payload;
  const conditional = cert.decision.outcome === 'conditional';
  const outcome = OUTCOME_LABELS[cert.decision.outcome];
  const identifiers = [
    identity('name', cert.holder.name),
    ...(cert.holder.charityNumber
      ? [identity('ext:CharityNumber', cert.holder.charityNumber)]
      : []),
    ...(cert.holder.companyNumber
      ? [identity('ext:CompanyNumber', cert.holder.companyNumber)]
      : []),
  ];
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: `urn:uuid:${uuidV5(cert.number, CERTIFICATE_NAMESPACE)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${outcome}: ${cert.framework.title}`,
    description: `${cert.holder.name} is ${conditional ? 'accredited with conditions' : 'accredited'} by ${cert.issuer.name} (certificate ${cert.number}).`,
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: cert.issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
    },
    validFrom: `${cert.issuedOn}T00:00:00Z`,
    validUntil: `${cert.expiresOn}T23:59:59Z`,
    // A reissue gets a new validFrom; awardedDate keeps the date the accreditation was decided.
    awardedDate: `${cert.decision.decidedOn}T00:00:00Z`,
    credentialSubject: {
      id: `urn:spqa:provider:${cert.holder.providerId}`,
      type: ['AchievementSubject'],
      identifier: identifiers,
      licenseNumber: cert.number,
      achievement: {
        id: `urn:spqa:achievement:${cert.framework.id}:${cert.framework.version}`,
        type: ['Achievement'],
        achievementType: 'QualityAssuranceCredential',
        name: `Accredited under ${cert.framework.title}`,
        description:
          `Accreditation of a social prescribing provider by ${cert.issuer.name} against ` +
          `${cert.framework.title}, version ${cert.framework.version}.`,
        criteria: { narrative: narrative(cert) },
        version: cert.framework.version,
        inLanguage: 'en-GB',
        tag: cert.scope.domains.map((d) => d.title),
      },
    },
    evidence: [
      {
        id: `urn:spqa:certificate:${cert.number}`,
        type: ['Evidence'],
        name: `Signed certificate ${cert.number}`,
        genre: 'Signed certificate',
        narrative:
          `The SPQA certificate ${cert.number}, signed with Ed25519 key ${doc.signature.keyId} over the RFC 8785 ` +
          `canonical JSON of its payload. Signature: ${doc.signature.value}`,
      },
    ],
    ...(status
      ? {
          credentialStatus: {
            id: `${status.listUrl}#${status.index}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'suspension',
            statusListIndex: String(status.index),
            statusListCredential: status.listUrl,
          },
        }
      : {}),
  };
}
