import { z } from 'zod';
import {
  baseCertificateNumberSchema,
  certificateNumberSchema,
} from '../accreditation/certificate-number';
import { CERTIFICATE_STATUSES, FINDING_TYPES } from '../accreditation/vocabulary';
import { OUTCOMES, RATINGS } from '../assessment/ratings';
import { ACTION_STATUSES, ASSESSMENT_KINDS, ASSESSMENT_STATUSES } from '../assessment/schema';
import { EVIDENCE_KINDS } from '../evidence/schema';
import {
  PROVIDER_TYPES,
  REFERRAL_ROUTES,
  REGIONS,
  SERVICE_CATEGORIES,
} from '../providers/vocabulary';
import { KEY_ID_MESSAGE, KEY_ID_PATTERN, signedDocumentSchema } from '../signing/format';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../validation/text';
import { isoDateSchema } from '../validation/uk';

/**
 * The exchange bundle (`.spqa`): a zip holding one assessment with everything it rests on, and a
 * signed `manifest.json` listing every other entry's SHA-256 and size. The record files below are
 * the interchange format; they are parsed strictly (unknown fields refused) and never transformed,
 * so what is stored is exactly what was signed.
 */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.spqa';

export const ENTRY = {
  manifest: 'manifest.json',
  provider: 'records/provider.json',
  assessment: 'records/assessment.json',
  evidence: 'records/evidence.json',
  certificates: 'records/certificates.json',
  framework: 'framework.json',
} as const;

/** Every name a bundle may hold; anything else is refused, whatever the manifest says. */
export const ENTRY_NAME =
  /^(?:manifest\.json|records\/(?:provider|assessment|evidence|certificates)\.json|framework\.json|keys\/[0-9a-f]{32}\.pem|evidence\/[0-9a-f]{64})$/;

export const evidenceEntryName = (sha256: string) => `evidence/${sha256}`;
/** A carried public key is named by its key id (`ed25519:<32 hex>`), so the name says which key it must be. */
export const keyEntryName = (keyId: string) => `keys/${keyId.replace(/^ed25519:/, '')}.pem`;
/** The key id a `keys/` entry's name says it holds. */
export const keyIdOfEntryName = (name: string) =>
  `ed25519:${name.slice('keys/'.length, -'.pem'.length)}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits');
const keyId = z.string().regex(KEY_ID_PATTERN, KEY_ID_MESSAGE);
const timestamp = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/, {
    message: 'a time looks like 2026-03-04T10:00:00.000Z',
  });
const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE);
const id = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-Z]{4,40}$`), `an id looks like "${prefix}_8F3K2M9QX4TZ"`);
const criterion = z.string().regex(/^[A-Z]{2,4}\d{1,2}\.\d{1,2}$/, 'not a criterion code');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const bundleProviderSchema = z.strictObject({
  id: id('prv'),
  name: text(200).min(1),
  type: z.enum(PROVIDER_TYPES),
  charityNumber: nullable(text(20)),
  companyNumber: nullable(text(20)),
  region: z.enum(REGIONS).nullable(),
  addressLine1: nullable(text(200)),
  addressLine2: nullable(text(200)),
  town: nullable(text(100)),
  postcode: nullable(text(10)),
  website: nullable(text(2000)),
  description: nullable(text(2000)),
  contacts: z
    .array(
      z.strictObject({
        name: text(120),
        role: nullable(text(120)),
        email: nullable(text(320)),
        phone: nullable(text(40)),
      }),
    )
    .max(20),
  archivedAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BundleProvider = z.infer<typeof bundleProviderSchema>;

export const bundleServiceSchema = z.strictObject({
  id: id('svc'),
  providerId: id('prv'),
  name: text(200).min(1),
  category: z.enum(SERVICE_CATEGORIES),
  description: nullable(text(2000)),
  referralRoute: z.enum(REFERRAL_ROUTES),
  selfReferral: z.boolean(),
  acceptingReferrals: z.boolean(),
  placesPerMonth: count.nullable(),
  waitingWeeks: count.nullable(),
  capacityConfirmedOn: isoDateSchema,
  archivedAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BundleService = z.infer<typeof bundleServiceSchema>;

export const providerFileSchema = z.strictObject({
  provider: bundleProviderSchema,
  services: z.array(bundleServiceSchema).max(1000),
});
export type ProviderFile = z.infer<typeof providerFileSchema>;

export const bundleAssessmentSchema = z.strictObject({
  id: id('asm'),
  providerId: id('prv'),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  frameworkId: text(100).min(1),
  frameworkVersion: text(50).min(1),
  providerType: z.enum(PROVIDER_TYPES),
  startedAt: timestamp,
  startedBy: text(200),
  updatedAt: timestamp,
  progressPercent: z.number().min(0).max(100),
  scorePercent: z.number().min(0).max(100),
  outcome: z.enum(OUTCOMES),
  assessor: nullable(text(200)),
  basedOn: nullable(id('asm')),
  conflict: nullable(text(4000)),
  revision: z.number().int().min(1).max(10_000),
  submittedAt: nullable(timestamp),
});
export type BundleAssessment = z.infer<typeof bundleAssessmentSchema>;

export const bundleRatingSchema = z.strictObject({
  assessmentId: id('asm'),
  criterion,
  rating: z.enum(RATINGS),
  note: nullable(text(4000)),
  reason: nullable(text(4000)),
  overrideReason: nullable(text(4000)),
  updatedAt: timestamp,
  updatedBy: text(200),
});

export const bundleActionSchema = z.strictObject({
  id: id('act'),
  assessmentId: id('asm'),
  criterion,
  description: text(4000),
  owner: text(200),
  dueDate: isoDateSchema,
  status: z.enum(ACTION_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const bundleFindingSchema = z.strictObject({
  id: id('fnd'),
  assessmentId: id('asm'),
  criterion,
  type: z.enum(FINDING_TYPES),
  text: text(4000),
  action: nullable(text(2000)),
  actionOwner: nullable(text(200)),
  actionDue: isoDateSchema.nullable(),
  createdAt: timestamp,
  createdBy: text(200),
  updatedAt: timestamp,
});

export const bundleRevisionSchema = z.strictObject({
  assessmentId: id('asm'),
  revision: z.number().int().min(1).max(10_000),
  openedAt: timestamp,
  openedBy: text(200),
  reason: text(2000),
  sealedAt: nullable(timestamp),
  sealedBy: nullable(text(200)),
  /** The sealed snapshot as it was frozen; its canonical SHA-256 must be `sha256`. */
  snapshot: z.record(z.string(), z.unknown()).nullable(),
  sha256: sha256.nullable(),
});
export type BundleRevision = z.infer<typeof bundleRevisionSchema>;

export const bundleDecisionSchema = z.strictObject({
  id: id('dec'),
  assessmentId: id('asm'),
  revision: z.number().int().min(1).max(10_000),
  outcome: z.enum(OUTCOMES),
  recommendedOutcome: z.enum(OUTCOMES),
  conditions: nullable(text(4000)),
  conditionsDue: isoDateSchema.nullable(),
  reasons: nullable(text(4000)),
  decidedBy: text(200),
  decidedAt: timestamp,
});

export const assessmentFileSchema = z.strictObject({
  assessment: bundleAssessmentSchema,
  ratings: z.array(bundleRatingSchema).max(5000),
  actions: z.array(bundleActionSchema).max(5000),
  findings: z.array(bundleFindingSchema).max(20_000),
  revisions: z.array(bundleRevisionSchema).min(1).max(10_000),
  decisions: z.array(bundleDecisionSchema).max(10_000),
});
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;

export const bundleEvidenceSchema = z.strictObject({
  id: id('evd'),
  assessmentId: id('asm'),
  sha256: sha256.nullable(),
  url: nullable(text(4000)),
  title: text(300),
  kind: z.enum(EVIDENCE_KINDS),
  originalName: nullable(text(1000)),
  size: count.nullable(),
  mediaType: nullable(text(200)),
  effectiveDate: isoDateSchema.nullable(),
  expiryDate: isoDateSchema.nullable(),
  personalData: z.boolean(),
  retainUntil: isoDateSchema.nullable(),
  notes: nullable(text(4000)),
  addedBy: text(200),
  addedAt: timestamp,
  removedAt: nullable(timestamp),
  removedBy: nullable(text(200)),
  removalReason: nullable(text(1000)),
  sealedAt: nullable(timestamp),
  criteria: z.array(criterion).max(200),
  /** Whether the file itself travels in the bundle (personal data stays out unless chosen). */
  fileIncluded: z.boolean(),
});
export type BundleEvidence = z.infer<typeof bundleEvidenceSchema>;

export const evidenceFileSchema = z.strictObject({
  evidence: z.array(bundleEvidenceSchema).max(100_000),
});

export const bundleCertificateEventSchema = z.strictObject({
  at: timestamp,
  actor: text(200),
  action: text(50),
  fromStatus: nullable(text(50)),
  toStatus: text(50),
  reason: nullable(text(4000)),
});

export const bundleCertificateSchema = z.strictObject({
  number: certificateNumberSchema,
  baseNumber: baseCertificateNumberSchema,
  reissue: z.number().int().min(0).max(1000),
  assessmentId: id('asm'),
  decisionId: id('dec'),
  providerId: id('prv'),
  status: z.enum(CERTIFICATE_STATUSES).exclude(['expired']),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  suspendedOn: isoDateSchema.nullable(),
  supersededBy: z.string().max(40).nullable(),
  keyId,
  /** The signed certificate exactly as issued. */
  document: signedDocumentSchema,
  createdAt: timestamp,
  events: z.array(bundleCertificateEventSchema).max(10_000),
});
export type BundleCertificate = z.infer<typeof bundleCertificateSchema>;

export const certificatesFileSchema = z.strictObject({
  certificates: z.array(bundleCertificateSchema).max(1000),
});

export const manifestEntrySchema = z.strictObject({
  name: z.string().regex(ENTRY_NAME, 'not a name a bundle holds'),
  sha256,
  size: count,
});

/** The payload of the signed `manifest.json`. */
export const manifestPayloadSchema = z.strictObject({
  type: z.literal('SPQABundle', { message: 'not an SPQA bundle manifest' }),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION, {
    message: `this version of SPQA reads bundle format ${BUNDLE_FORMAT_VERSION}`,
  }),
  createdAt: timestamp,
  createdBy: text(200),
  appVersion: text(50),
  sender: z.strictObject({ name: text(200), keyId }),
  subject: z.strictObject({
    assessmentId: id('asm'),
    kind: z.enum(ASSESSMENT_KINDS),
    revision: z.number().int().min(1),
    providerId: id('prv'),
    providerName: text(200),
  }),
  framework: z.strictObject({ id: text(100), version: text(50), sha256 }),
  includesPersonalData: z.boolean(),
  evidenceFiles: z.strictObject({ included: count, leftOut: count, bytes: count }),
  entries: z.array(manifestEntrySchema).max(200_000),
});
export type ManifestPayload = z.infer<typeof manifestPayloadSchema>;

/** What an import would do with one record, as the preview shows it. */
export const PREVIEW_STATUSES = ['new', 'unchanged', 'changed', 'conflict'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];
export const PREVIEW_STATUS_LABELS: Record<PreviewStatus, string> = {
  new: 'New',
  unchanged: 'Unchanged',
  changed: 'Changed',
  conflict: 'Conflict',
};

export const RECORD_KINDS = [
  'framework',
  'provider',
  'service',
  'assessment',
  'revision',
  'decision',
  'evidence',
  'certificate',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  framework: 'Standards framework',
  provider: 'Provider',
  service: 'Service',
  assessment: 'Assessment',
  revision: 'Revision',
  decision: 'Decision',
  evidence: 'Evidence',
  certificate: 'Certificate',
};

export const previewItemSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  label: z.string(),
  status: z.enum(PREVIEW_STATUSES),
  /** Why, in words: what changed, or what conflicts. */
  detail: z.string().nullable(),
});
export type PreviewItem = z.infer<typeof previewItemSchema>;

export const bundlePreviewSchema = z.object({
  /** SHA-256 of the manifest's bytes: with the signature, it names this bundle's content exactly. */
  manifestSha256: sha256,
  sender: z.object({ name: z.string(), keyId: z.string(), trustedAs: z.string() }),
  createdAt: z.string(),
  createdBy: z.string(),
  subject: manifestPayloadSchema.shape.subject,
  framework: z.object({ id: z.string(), version: z.string(), installed: z.boolean() }),
  includesPersonalData: z.boolean(),
  evidenceFiles: z.object({ included: z.number(), leftOut: z.number(), bytes: z.number() }),
  items: z.array(previewItemSchema),
  counts: z.object({
    new: z.number(),
    unchanged: z.number(),
    changed: z.number(),
    conflict: z.number(),
  }),
  /** False when a conflict stops the import; `problems` says why. */
  canApply: z.boolean(),
  nothingToImport: z.boolean(),
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type BundlePreview = z.infer<typeof bundlePreviewSchema>;

export const trustedKeySchema = z.object({
  keyId: z.string(),
  name: z.string(),
  publicKeyPem: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;
