import { z } from 'zod';
import {
  certificateSchema,
  decisionInputSchema,
  decisionSchema,
  findingInputSchema,
  findingSchema,
  profileSchema,
  revisionSchema,
  verificationSchema,
} from '../accreditation/schema';
import { CERTIFICATE_STATUSES } from '../accreditation/vocabulary';
import { assessmentSummarySchema, readinessSchema } from '../assessment/schema';
import { method } from './define';
import { FILE_LIMITS, base64Length } from '../limits';
import { fileName, id, passphrase } from './fields';
import { typedPathSchema } from '../validation/paths';

const certificateNumber = z.string().trim().min(1, 'a certificate number is required').max(40);
const reason = z.string().trim().min(3, 'give a reason').max(2000);

/** A file of a published register, read by the caller. */
const publishedFile = z.object({
  fileName: z.string(),
  text: z.string().max(FILE_LIMITS.statusList),
});

const fileBytes = z.object({
  fileName,
  mediaType: z.string(),
  base64: z.string(),
});

export const sealSummarySchema = z.object({
  assessment: assessmentSummarySchema,
  revision: z.number(),
  framework: z.string(),
  rated: z.number(),
  applicable: z.number(),
  unrated: z.array(z.string()),
  findings: z.object({
    observation: z.number(),
    goodPractice: z.number(),
    minor: z.number(),
    major: z.number(),
  }),
  evidence: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      sha256: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  readiness: readinessSchema,
  /** Problems that stop submission, in words. */
  blockers: z.array(z.string()),
});

export const accreditationMethods = {
  'profile.get': method(z.object({}).optional().default({}), profileSchema.nullable()),
  'profile.set': method(profileSchema, profileSchema),

  'assessments.startExternal': method(
    z.object({
      providerId: id,
      assessor: z.string().trim().min(2, 'name the assessor').max(120),
      fromAssessmentId: z.string().min(1).optional(),
      frameworkId: z.string().min(1).optional(),
      frameworkVersion: z.string().min(1).optional(),
      /** The assessor's declaration: nothing to declare, or the conflict (which blocks the assessment). */
      declaration: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }),
        z.object({
          kind: z.literal('conflict'),
          text: z.string().trim().min(3, 'describe the conflict').max(2000),
        }),
      ]),
    }),
    assessmentSummarySchema,
  ),
  'findings.list': method(z.object({ assessmentId: id }), z.array(findingSchema)),
  'findings.save': method(findingInputSchema, findingSchema),
  'findings.delete': method(z.object({ id }), z.object({ deleted: z.boolean() })),
  'assessments.sealPreview': method(z.object({ id }), sealSummarySchema),
  'assessments.submit': method(
    z.object({ id }),
    z.object({ revision: revisionSchema, assessment: assessmentSummarySchema }),
  ),
  'assessments.revise': method(
    z.object({ id, reason }),
    z.object({ revision: revisionSchema, assessment: assessmentSummarySchema }),
  ),
  'assessments.revisions': method(z.object({ id }), z.array(revisionSchema)),

  'decisions.record': method(decisionInputSchema, decisionSchema),
  'decisions.get': method(z.object({ assessmentId: id }), decisionSchema.nullable()),

  'keys.status': method(
    z.object({}).optional().default({}),
    z.object({
      networkKey: z.object({ keyId: z.string(), createdAt: z.string() }).nullable(),
      network: z.string().nullable(),
    }),
  ),
  'keys.init': method(
    z.object({ passphrase }),
    z.object({ keyId: z.string(), created: z.boolean() }),
  ),
  'keys.exportPublic': method(
    z.object({}).optional().default({}),
    z.object({ keyId: z.string(), pem: z.string() }),
  ),

  'certificates.issue': method(z.object({ assessmentId: id, passphrase }), certificateSchema),
  'certificates.reissue': method(
    z.object({ number: certificateNumber, reason, passphrase }),
    certificateSchema,
  ),
  'certificates.list': method(
    z.object({ providerId: z.string().optional() }).optional().default({}),
    z.array(certificateSchema.omit({ payload: true, events: true })),
  ),
  'certificates.get': method(z.object({ number: certificateNumber }), certificateSchema),
  'certificates.suspend': method(
    z.object({ number: certificateNumber, reason }),
    certificateSchema,
  ),
  'certificates.reinstate': method(
    z.object({ number: certificateNumber, reason }),
    certificateSchema,
  ),
  'certificates.withdraw': method(
    z.object({ number: certificateNumber, reason }),
    certificateSchema,
  ),
  /** The certificate as a file: the signed JSON or the PDF (with the JSON attached). */
  'certificates.render': method(
    z.object({ number: certificateNumber, format: z.enum(['json', 'pdf']) }),
    fileBytes,
  ),
  /**
   * The certificate's Open Badges 3.0 credential, signed by the network (so the passphrase is
   * needed): as JSON, or baked into a PNG badge image. Only an active certificate this network
   * issued has one. docs/credentials.md describes it.
   */
  'certificates.badge': method(
    z.object({ number: certificateNumber, passphrase, format: z.enum(['json', 'png']) }),
    fileBytes.extend({
      /** The issuer's DID: did:key, or did:web once the register has a web address. */
      issuer: z.string(),
      /** Its place in the published status list; null until the register has a web address. */
      statusIndex: z.number().nullable(),
    }),
  ),
  /**
   * Writes certificates as PDFs, one `<number>.pdf` each, into a folder (made if missing): the
   * ones named, else those with the statuses given, else all. Spread over worker threads.
   */
  'certificates.exportPdfs': method(
    z.object({
      folder: typedPathSchema('name a folder'),
      numbers: z.array(certificateNumber).min(1).max(1_000_000).optional(),
      statuses: z.array(z.enum(CERTIFICATE_STATUSES)).min(1).optional(),
    }),
    z.object({
      folder: z.string(),
      files: z.number(),
      bytes: z.number(),
      /** Threads that rendered (0: the PDFs were rendered on the core's own thread). */
      threads: z.number(),
    }),
    { progress: true },
  ),
  /**
   * Checks a certificate file (JSON or PDF) or an Open Badge (JSON or PNG); status checked against
   * a status file when one is given. A register folder also gives its did:web document and status
   * list credentials, for badges.
   */
  'certificates.verify': method(
    z.object({
      fileName,
      base64: z.string().max(base64Length(FILE_LIMITS.certificate)),
      statusFile: publishedFile.optional(),
      didDocument: publishedFile.optional(),
      statusLists: z.array(publishedFile).max(100).optional(),
      publicKeys: z
        .array(z.object({ source: z.string(), pem: z.string().max(FILE_LIMITS.publicKey) }))
        .max(100)
        .optional(),
    }),
    verificationSchema,
  ),
  'reports.render': method(z.object({ assessmentId: id }), fileBytes, { progress: true }),
};
