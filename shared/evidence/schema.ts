import { z } from 'zod';
import { isoDateSchema } from '../validation/uk';
import { pathSourceSchema, uploadSourceSchema } from '../validation/paths';

export const EVIDENCE_KINDS = [
  'policy',
  'insurance',
  'training',
  'vetting',
  'minutes',
  'photo',
  'case-study',
  'report',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  policy: 'Policy or procedure',
  insurance: 'Insurance or certificate',
  training: 'Training record',
  vetting: 'DBS or vetting record',
  minutes: 'Minutes',
  photo: 'Photo',
  'case-study': 'Case study',
  report: 'Data or report',
  other: 'Other',
};

export const evidenceRecordSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  criteria: z.array(z.string()),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  /** A stored file (by content hash) or a web link; a removed record keeps the hash it had. */
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  originalName: z.string().nullable(),
  size: z.number().nullable(),
  mediaType: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  personalData: z.boolean(),
  retainUntil: z.string().nullable(),
  notes: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

const optionalDate = isoDateSchema
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const evidenceMetadataSchema = z
  .object({
    title: z.string().trim().min(2, 'a title needs at least 2 characters').max(300).optional(),
    kind: z
      .enum(EVIDENCE_KINDS, { message: `kind must be one of ${EVIDENCE_KINDS.join(', ')}` })
      .default('other'),
    effectiveDate: optionalDate,
    expiryDate: optionalDate,
    personalData: z.boolean().default(false),
    retainUntil: optionalDate,
    notes: z
      .string()
      .trim()
      .max(4000)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((m) => !m.effectiveDate || !m.expiryDate || m.effectiveDate <= m.expiryDate, {
    message: 'the expiry date is before the effective date',
    path: ['expiryDate'],
  });

export const evidenceSourceSchema = z.discriminatedUnion('kind', [
  pathSourceSchema,
  uploadSourceSchema,
  z.object({
    kind: z.literal('link'),
    url: z.url({ protocol: /^https?$/, message: 'a link must be an http or https address' }),
  }),
]);

/** How fresh a criterion's evidence is on a given date. */
export const FRESHNESS = ['none', 'current', 'expiring', 'expired'] as const;
export type Freshness = (typeof FRESHNESS)[number];
export const FRESHNESS_LABELS: Record<Freshness, string> = {
  none: 'No evidence',
  current: 'Evidence current',
  expiring: 'Evidence expiring soon',
  expired: 'Evidence out of date',
};

export const EXPIRY_WARNING_DAYS = 30;
