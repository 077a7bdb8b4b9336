import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../accreditation/vocabulary';
import { certificateNumberSchema } from '../accreditation/certificate-number';
import {
  PROVIDER_TYPES,
  REFERRAL_ROUTES,
  REGIONS,
  SERVICE_CATEGORIES,
} from '../providers/vocabulary';
import { ISO_DATE_PATTERN } from '../validation/uk';

const isoDate = z.string().regex(ISO_DATE_PATTERN);

/** A service in a certificate's scope, with the capacity its provider last confirmed. */
export const registerServiceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string().nullable(),
  referralRoute: z
    .enum(REFERRAL_ROUTES)
    .describe('who can refer: link workers only, health and care professionals, or any agency'),
  selfReferral: z.boolean().describe('whether people may refer themselves'),
  acceptingReferrals: z.boolean(),
  placesPerMonth: z.number().int().nullable(),
  waitingWeeks: z.number().int().nullable(),
  capacityConfirmedOn: isoDate.describe('when the provider last confirmed this capacity'),
});
export type RegisterService = z.infer<typeof registerServiceSchema>;

/** One certificate on the published register: every certificate ever issued has one entry. */
export const registerEntrySchema = z.strictObject({
  certificateNumber: certificateNumberSchema,
  status: z.enum(CERTIFICATE_STATUSES).describe('the status on the day the register was built'),
  statusDate: isoDate
    .nullable()
    .describe(
      'when the current status began (issue, suspension, reinstatement, withdrawal, expiry)',
    ),
  supersedes: certificateNumberSchema.nullable(),
  supersededBy: certificateNumberSchema.nullable(),
  outcome: z.enum(['accredited', 'conditional']),
  decidedOn: isoDate,
  conditionsDue: isoDate.nullable(),
  issuedOn: isoDate,
  expiresOn: isoDate,
  holder: z.strictObject({
    providerId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    type: z.enum(PROVIDER_TYPES),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    region: z.enum(REGIONS).nullable(),
    addressLine1: z.string().nullable(),
    addressLine2: z.string().nullable(),
    town: z.string().nullable(),
    postcode: z.string().nullable(),
    website: z.string().nullable(),
  }),
  services: z.array(registerServiceSchema),
  domains: z.array(z.strictObject({ code: z.string(), title: z.string() })),
  framework: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
  issuer: z.strictObject({ name: z.string(), keyId: z.string() }),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const registerSchema = z
  .strictObject({
    type: z.literal('SPQARegister'),
    formatVersion: z.literal(1),
    generatedAt: z.string().describe('when the register was built (ISO 8601, UTC)'),
    network: z.strictObject({ name: z.string(), keyId: z.string() }),
    entries: z.array(registerEntrySchema),
  })
  .meta({
    title: 'SPQA register of accredited social prescribing providers',
    description:
      'One entry per certificate ever issued by the network, with its status on the day the register was built.',
  });
export type Register = z.infer<typeof registerSchema>;

/**
 * The files of a publication that are found by name: by `register verify`, `register diff`,
 * `certificate verify --register` and the page's own links, so they are named here once.
 */
export const PUBLICATION_FILES = {
  register: 'register.json',
  registerSchema: 'register.schema.json',
  csv: 'register.csv',
  orukServices: 'oruk/services.json',
  page: 'index.html',
  statusList: 'status.json',
  manifest: 'manifest.json',
  publicKey: 'public-key.pem',
  /** Other networks' keys the publication carries, one `<key id>.pem` each. */
  otherKeys: 'keys',
} as const;

/** The files a publication can hold, by the format that asks for them. */
export const REGISTER_FORMATS = ['json', 'csv', 'oruk', 'html'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];
export const REGISTER_FORMAT_LABELS: Record<RegisterFormat, string> = {
  json: 'JSON (register.json with its JSON Schema)',
  csv: 'CSV spreadsheet (register.csv)',
  oruk: 'Open Referral UK 3.0 (oruk/)',
  html: 'Searchable web page (index.html)',
};

/** The signed list of every file in a publication with its SHA-256. */
export const manifestPayloadSchema = z.object({
  type: z.literal('SPQARegisterManifest'),
  formatVersion: z.literal(1),
  generatedAt: z.string(),
  issuer: z.object({ name: z.string(), keyId: z.string() }),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});
export type ManifestPayload = z.infer<typeof manifestPayloadSchema>;
