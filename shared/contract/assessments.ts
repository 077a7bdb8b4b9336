import { z } from 'zod';
import {
  actionInputSchema,
  actionSchema,
  assessmentDetailSchema,
  assessmentSummarySchema,
  rateInputSchema,
  ratingRecordSchema,
  readinessSchema,
} from '../assessment/schema';
import { method } from './define';
import { FILE_LIMITS, sizeLimitMessage } from '../limits';
import { fileName, id } from './fields';

export const assessmentMethods = {
  'assessments.start': method(
    z.object({
      providerId: id,
      kind: z.literal('self'),
      frameworkId: z.string().min(1).optional(),
      frameworkVersion: z.string().min(1).optional(),
    }),
    assessmentSummarySchema,
  ),
  'assessments.list': method(
    z.object({ providerId: z.string().optional() }).optional().default({}),
    z.array(assessmentSummarySchema),
  ),
  'assessments.get': method(z.object({ id }), assessmentDetailSchema),
  'assessments.rate': method(
    rateInputSchema,
    z.object({ rating: ratingRecordSchema.nullable(), readiness: readinessSchema }),
  ),
  'assessments.importRatings': method(
    z.object({
      id,
      fileName,
      csv: z
        .string()
        .max(FILE_LIMITS.ratingsCsv, sizeLimitMessage('a ratings file', FILE_LIMITS.ratingsCsv)),
    }),
    z.object({ applied: z.number(), readiness: readinessSchema }),
  ),
  'actions.save': method(actionInputSchema, actionSchema),
  'actions.delete': method(z.object({ id }), z.object({ deleted: z.boolean() })),
};
