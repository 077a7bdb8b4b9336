import { z } from 'zod';
import { method } from './define';

export const systemMethods = {
  'system.info': method(
    z.object({}).optional().default({}),
    z.object({
      appVersion: z.string(),
      schemaVersion: z.number(),
      dataDir: z.string(),
      databasePath: z.string(),
      journalMode: z.string(),
      actor: z.string(),
    }),
  ),
  'system.loadDemo': method(
    z.object({}).optional().default({}),
    z.object({ providers: z.number(), assessments: z.number(), skipped: z.boolean() }),
  ),
  'audit.list': method(
    z.object({
      entityId: z.string().optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.array(
      z.object({
        seq: z.number(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        entityType: z.string(),
        entityId: z.string(),
        detail: z.unknown(),
        hash: z.string(),
      }),
    ),
  ),
  'audit.verify': method(
    z.object({}).optional().default({}),
    z.object({ entries: z.number(), ok: z.boolean(), firstBadSeq: z.number().nullable() }),
  ),
};
