import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../accreditation/vocabulary';
import { REGIONS } from '../providers/vocabulary';
import { REGISTER_FORMATS } from '../register/schema';
import { method } from './define';
import { FILE_LIMITS } from '../limits';
import { passphrase } from './fields';
import { baseUrlSchema } from '../credentials/web-address';
import { typedPathSchema } from '../validation/paths';

const folder = typedPathSchema('name a folder');

const publishedFileSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});

/** A publication as the register's status and the record of the last one give it. */
export const publicationSchema = z.object({
  outDir: z.string(),
  generatedAt: z.string(),
  entries: z.number(),
  formats: z.array(z.enum(REGISTER_FORMATS)),
});

export const registerBuildResultSchema = publicationSchema.extend({
  keyId: z.string(),
  /** Entries by status on the day of the build. */
  statusCounts: z.array(z.object({ status: z.enum(CERTIFICATE_STATUSES), count: z.number() })),
  /** Services published as Open Referral UK (those of active certificates). */
  orukServices: z.number(),
  files: z.array(publishedFileSchema),
  durationMs: z.number(),
  /** Threads that wrote the files: 2 when JSON, ORUK and the web page had a thread of their own. */
  threads: z.number(),
});
export type RegisterBuildResult = z.infer<typeof registerBuildResultSchema>;

export const registerCheckSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export const registerVerificationSchema = z.object({
  dir: z.string(),
  ok: z.boolean(),
  generatedAt: z.string().nullable(),
  keyId: z.string().nullable(),
  /** Whose key signed it, as this installation knows it. */
  signer: z.enum(['this-network', 'trusted', 'given', 'unknown']).nullable(),
  checks: z.array(registerCheckSchema),
});
export type RegisterVerification = z.infer<typeof registerVerificationSchema>;

export const REGISTER_CHANGE_KINDS = [
  'new',
  'suspended',
  'reinstated',
  'withdrawn',
  'expired',
  'superseded',
  'capacity-changed',
  'removed',
] as const;

export const registerDiffSchema = z.object({
  old: z.object({ source: z.string(), generatedAt: z.string(), entries: z.number() }),
  new: z.object({ source: z.string(), generatedAt: z.string(), entries: z.number() }),
  changes: z.array(
    z.object({
      kind: z.enum(REGISTER_CHANGE_KINDS),
      certificateNumber: z.string(),
      holder: z.string(),
      detail: z.string(),
    }),
  ),
});
export type RegisterDiff = z.infer<typeof registerDiffSchema>;

const dashboardItemSchema = z.object({
  certificateNumber: z.string(),
  holder: z.string(),
  providerId: z.string(),
  region: z.enum(REGIONS).nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  expiresOn: z.string(),
  conditionsDue: z.string().nullable(),
  /** Days from today to the date that matters for the list (expiry, or conditions due). */
  days: z.number(),
});
export type DashboardItem = z.infer<typeof dashboardItemSchema>;

/** A list on the dashboard: how many in all, and the first few (soonest first). */
const dashboardListSchema = z.object({ count: z.number(), items: z.array(dashboardItemSchema) });
export type DashboardList = z.infer<typeof dashboardListSchema>;

export const networkDashboardSchema = z.object({
  today: z.string(),
  total: z.number(),
  byStatus: z.array(z.object({ status: z.enum(CERTIFICATE_STATUSES), count: z.number() })),
  /** Certificates in force (active or suspended) by the holder's region; null: no region given. */
  byRegion: z.array(
    z.object({ region: z.enum(REGIONS).nullable(), active: z.number(), suspended: z.number() }),
  ),
  expiringWithin30: dashboardListSchema,
  expiringWithin90: dashboardListSchema,
  /** How far ahead of expiry a renewal is due (renewal reminders go out this early). */
  renewalWindowMonths: z.number(),
  /** In force, expiring within the renewal window, and no new external assessment started. */
  renewalsDue: dashboardListSchema,
  /** Accredited with conditions, still in force, and the conditions' due date has passed. */
  conditionsOverdue: dashboardListSchema,
});
export type NetworkDashboard = z.infer<typeof networkDashboardSchema>;

/** The register's web address and what follows from it for its credentials. */
export const webAddressSchema = z
  .object({ baseUrl: z.string(), did: z.string(), didDocumentPath: z.string() })
  .nullable();

export const registerMethods = {
  /** What the Publish screen starts from: the key, the certificates and the last publication. */
  'register.status': method(
    z.object({}).optional().default({}),
    z.object({
      certificates: z.number(),
      networkKey: z.object({ keyId: z.string() }).nullable(),
      lastPublication: publicationSchema.nullable(),
      suggestedOutDir: z.string(),
      webAddress: webAddressSchema,
    }),
  ),
  /**
   * Records (or, with null, forgets) the web address the register is published at: badges then
   * name the matching did:web issuer and carry a status entry, and `register.build` publishes
   * the DID document, the status list and each active certificate's badge.
   */
  'register.configure': method(
    z.object({ baseUrl: baseUrlSchema.nullable() }),
    z.object({ webAddress: webAddressSchema }),
  ),
  /** Builds a signed publication of the register into a folder, replacing an earlier one whole. */
  'register.build': method(
    z.object({
      outDir: folder,
      formats: z
        .array(
          z.enum(REGISTER_FORMATS, {
            message: `a format is one of ${REGISTER_FORMATS.join(', ')}`,
          }),
        )
        .min(1, 'choose at least one format')
        .default([...REGISTER_FORMATS]),
      passphrase,
    }),
    registerBuildResultSchema,
    { progress: true },
  ),
  /** Checks a publication folder: the manifest's signature, every file's hash, the status list. */
  'register.verify': method(
    z.object({ dir: folder, publicKeyPem: z.string().max(FILE_LIMITS.publicKey).optional() }),
    registerVerificationSchema,
    { progress: true },
  ),
  /** What changed between two publications (folders or register.json files). */
  'register.diff': method(z.object({ old: folder, new: folder }), registerDiffSchema),
  'register.dashboard': method(z.object({}).optional().default({}), networkDashboardSchema),
};
