import { z } from 'zod';
import { frameworkSchema } from '../framework/schema';
import { PROVIDER_TYPES } from '../providers/vocabulary';
import { isoDateSchema } from '../validation/uk';
import { OUTCOMES, RATINGS, ratingValueSchema } from './ratings';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../validation/text';

export const ASSESSMENT_KINDS = ['self', 'external'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_KIND_LABELS: Record<AssessmentKind, string> = {
  self: 'Self-assessment',
  external: 'External assessment',
};

export const ASSESSMENT_STATUSES = ['draft', 'in-progress', 'submitted', 'decided'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  decided: 'Decided',
};

export const assessmentSummarySchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  providerType: z.enum(PROVIDER_TYPES),
  startedAt: z.string(),
  startedBy: z.string(),
  updatedAt: z.string(),
  progressPercent: z.number(),
  scorePercent: z.number(),
  outcome: z.enum(OUTCOMES),
  /** External assessments: who assesses, the self-assessment it started from, any declared conflict. */
  assessor: z.string().nullable(),
  basedOn: z.string().nullable(),
  conflict: z.string().nullable(),
  revision: z.number(),
  submittedAt: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const ratingRecordSchema = z.object({
  criterion: z.string(),
  rating: z.enum(RATINGS),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  /** Why an essential criterion was rated Met without current evidence; shown to the assessor. */
  overrideReason: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type RatingRecord = z.infer<typeof ratingRecordSchema>;

export const ACTION_STATUSES = ['open', 'done'] as const;
export const actionSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  criterion: z.string(),
  description: z.string(),
  owner: z.string(),
  dueDate: isoDateSchema,
  status: z.enum(ACTION_STATUSES),
  updatedAt: z.string(),
});
export type ImprovementAction = z.infer<typeof actionSchema>;

const domainReadinessSchema = z.object({
  code: z.string(),
  title: z.string(),
  applicable: z.number(),
  rated: z.number(),
  met: z.number(),
  partial: z.number(),
  notMet: z.number(),
  notApplicable: z.number(),
  progressPercent: z.number(),
  scorePercent: z.number(),
});

export const readinessSchema = z.object({
  domains: z.array(domainReadinessSchema),
  applicable: z.number(),
  rated: z.number(),
  progressPercent: z.number(),
  scorePercent: z.number(),
  essentialGaps: z.array(
    z.object({ code: z.string(), statement: z.string(), rating: z.enum(RATINGS).nullable() }),
  ),
  outcome: z.enum(OUTCOMES),
  reasons: z.array(z.string()),
});

export const assessmentDetailSchema = z.object({
  assessment: assessmentSummarySchema,
  framework: frameworkSchema,
  applicableCodes: z.array(z.string()),
  ratings: z.array(ratingRecordSchema),
  actions: z.array(actionSchema),
  readiness: readinessSchema,
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

/**
 * Free text kept with a rating. Control characters are refused: a NUL, for one, would cut the
 * text short in the database (SQLite's length() stops at it) and in every file it is written to.
 */
const ratingText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .refine((v) => !hasControlCharacter(v), `${what} ${CONTROL_CHARACTER_MESSAGE}`)
    .nullable()
    .optional();

export const rateInputSchema = z.object({
  id: z.string().min(1),
  criterion: z.string().trim().min(1, 'name a criterion code'),
  rating: ratingValueSchema.nullable(),
  note: ratingText('a note', 4000),
  reason: ratingText('a reason', 1000),
  overrideReason: ratingText('an override reason', 1000),
});

export const actionInputSchema = z.object({
  assessmentId: z.string().min(1),
  criterion: z.string().trim().min(1),
  description: z.string().trim().min(3, 'describe the action in a few words').max(1000),
  owner: z.string().trim().min(2, 'name who owns the action').max(120),
  dueDate: isoDateSchema,
  status: z.enum(ACTION_STATUSES).default('open'),
});
