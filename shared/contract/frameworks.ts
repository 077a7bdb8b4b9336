import { z } from 'zod';
import { frameworkSchema } from '../framework/schema';
import { method } from './define';
import { FILE_LIMITS, sizeLimitMessage } from '../limits';
import { fileName } from './fields';

export const frameworkSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  publisher: z.string(),
  publishedOn: z.string(),
  domains: z.number(),
  standards: z.number(),
  criteria: z.number(),
  sha256: z.string(),
  importedAt: z.string(),
  source: z.string(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

const fileText = z.object({
  fileName,
  text: z
    .string()
    .max(FILE_LIMITS.framework, sizeLimitMessage('a framework file', FILE_LIMITS.framework)),
});

export const frameworkMethods = {
  'frameworks.list': method(z.object({}).optional().default({}), z.array(frameworkSummarySchema)),
  'frameworks.get': method(
    z.object({ id: z.string().min(1), version: z.string().min(1).optional() }),
    z.object({ summary: frameworkSummarySchema, framework: frameworkSchema }),
  ),
  'frameworks.validate': method(
    fileText,
    z.object({
      valid: z.boolean(),
      problems: z.array(z.object({ path: z.string(), message: z.string() })),
      id: z.string().nullable(),
      version: z.string().nullable(),
    }),
  ),
  'frameworks.import': method(fileText, frameworkSummarySchema),
};
