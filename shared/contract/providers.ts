import { z } from 'zod';
import {
  providerInputSchema,
  providerSchema,
  providerSummarySchema,
  serviceInputSchema,
  serviceSchema,
} from '../providers/schema';
import { PROVIDER_TYPES, REGIONS } from '../providers/vocabulary';
import { assessmentSummarySchema } from '../assessment/schema';
import { method } from './define';
import { FILE_LIMITS, sizeLimitMessage } from '../limits';
import { fileName, id } from './fields';

export const csvProblemSchema = z.object({
  line: z.number(),
  column: z.string(),
  message: z.string(),
});
export type CsvProblem = z.infer<typeof csvProblemSchema>;

export const providerMethods = {
  'providers.list': method(
    z
      .object({
        query: z.string().trim().max(200).optional(),
        region: z.enum(REGIONS).optional(),
        type: z.enum(PROVIDER_TYPES).optional(),
        includeArchived: z.boolean().default(false),
        limit: z.number().int().min(1).max(100_000).default(500),
        offset: z.number().int().min(0).default(0),
      })
      .optional()
      .default({ includeArchived: false, limit: 500, offset: 0 }),
    z.object({ total: z.number(), items: z.array(providerSummarySchema) }),
  ),
  'providers.get': method(
    z.object({ id }),
    z.object({
      provider: providerSchema,
      services: z.array(serviceSchema),
      assessments: z.array(assessmentSummarySchema),
    }),
  ),
  'providers.create': method(providerInputSchema, providerSchema),
  'providers.update': method(z.object({ id, fields: providerInputSchema }), providerSchema),
  'providers.archive': method(z.object({ id, archived: z.boolean() }), providerSchema),
  'providers.importCsv': method(
    z.object({
      fileName,
      csv: z
        .string()
        .max(FILE_LIMITS.providerCsv, sizeLimitMessage('a CSV file', FILE_LIMITS.providerCsv)),
      dryRun: z.boolean().default(false),
    }),
    z.object({ imported: z.number(), dryRun: z.boolean(), ids: z.array(z.string()) }),
    { progress: true },
  ),
  'services.create': method(
    z.object({ providerId: id, fields: serviceInputSchema }),
    serviceSchema,
  ),
  'services.update': method(z.object({ id, fields: serviceInputSchema }), serviceSchema),
  'services.confirmCapacity': method(z.object({ id }), serviceSchema),
  'services.archive': method(z.object({ id, archived: z.boolean() }), serviceSchema),
};
