import { z } from 'zod';
import {
  evidenceMetadataSchema,
  evidenceRecordSchema,
  evidenceSourceSchema,
  FRESHNESS,
} from '../evidence/schema';
import { method } from './define';
import { id } from './fields';

const criteria = z
  .array(z.string().trim().min(1).max(20))
  .max(200)
  .default([])
  .transform((codes) => [...new Set(codes.map((c) => c.toUpperCase()))]);

export const verifyReportSchema = z.object({
  checked: z.number(),
  bytes: z.number(),
  ok: z.boolean(),
  missing: z.array(z.object({ sha256: z.string(), evidenceIds: z.array(z.string()) })),
  altered: z.array(
    z.object({ sha256: z.string(), actual: z.string(), evidenceIds: z.array(z.string()) }),
  ),
  orphans: z.number(),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const expiringItemSchema = z.object({
  assessmentId: z.string(),
  providerName: z.string(),
  criterion: z.string(),
  evidenceId: z.string(),
  title: z.string(),
  expiryDate: z.string(),
});

export const evidenceMethods = {
  /** Adds one or more files or links with the same description; all are recorded or none. */
  'evidence.add': method(
    z.object({
      assessmentId: id,
      criteria,
      sources: z.array(evidenceSourceSchema).min(1, 'name at least one file or link').max(1000),
      metadata: evidenceMetadataSchema,
    }),
    z.array(evidenceRecordSchema),
    { progress: true },
  ),
  'evidence.update': method(
    z.object({ id, metadata: evidenceMetadataSchema }),
    evidenceRecordSchema,
  ),
  'evidence.attach': method(z.object({ id, criteria }), evidenceRecordSchema),
  'evidence.list': method(
    z.object({ assessmentId: id, includeRemoved: z.boolean().default(false) }),
    z.array(evidenceRecordSchema),
  ),
  'evidence.get': method(z.object({ id }), evidenceRecordSchema),
  /** File contents for the in-app preview (images, PDFs, text), base64 so any transport carries it. */
  'evidence.preview': method(
    z.object({ id }),
    z.object({ mediaType: z.string(), base64: z.string(), truncated: z.boolean() }),
  ),
  /** Where the stored file is, and a name to give it outside the store (used by the shell). */
  'evidence.locate': method(
    z.object({ id }),
    z.object({ path: z.string(), fileName: z.string(), mediaType: z.string() }),
  ),
  /** A copy outside the store, named with its original name, for the system's own viewer. */
  'evidence.exportCopy': method(z.object({ id }), z.object({ path: z.string() })),
  'evidence.freshness': method(
    z.object({ assessmentId: id }),
    z.object({
      onDate: z.string(),
      criteria: z.record(
        z.string(),
        z.object({ freshness: z.enum(FRESHNESS), count: z.number(), current: z.number() }),
      ),
    }),
  ),
  'evidence.expiring': method(
    z
      .object({ withinDays: z.number().int().min(1).max(365).default(30) })
      .optional()
      .default({ withinDays: 30 }),
    z.object({ onDate: z.string(), criteria: z.number(), items: z.array(expiringItemSchema) }),
  ),
  'evidence.verify': method(z.object({}).optional().default({}), verifyReportSchema, {
    progress: true,
  }),
  'evidence.removeOrphans': method(
    z.object({}).optional().default({}),
    z.object({ removedFiles: z.number(), removedBytes: z.number() }),
  ),
  'evidence.remove': method(
    z.object({ id, reason: z.string().trim().min(3, 'give a reason for the removal').max(1000) }),
    z.object({
      record: evidenceRecordSchema,
      fileDeleted: z.boolean(),
      sharedWith: z.array(z.string()),
    }),
  ),
  'evidence.retention': method(
    z.object({}).optional().default({}),
    z.object({
      onDate: z.string(),
      items: z.array(evidenceRecordSchema.extend({ providerName: z.string() })),
    }),
  ),
};
