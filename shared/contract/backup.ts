import { z } from 'zod';
import { method } from './define';

const archivePath = z
  .string()
  .trim()
  .min(1, 'name the backup file')
  .max(4096, 'a path is at most 4096 characters');

/** What a backup archive holds, as its manifest records it. */
export const backupSummarySchema = z.object({
  path: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number(),
  databaseBytes: z.number(),
  evidenceFiles: z.number(),
  evidenceBytes: z.number(),
  /** Records in the main tables, so a person can tell one backup from another. */
  counts: z.record(z.string(), z.number()),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupMethods = {
  /**
   * Writes one archive of the data folder: an online copy of the database, every stored evidence
   * file and a manifest of their SHA-256 hashes. Records can go on changing meanwhile.
   */
  'backup.create': method(
    z.object({ path: archivePath, overwrite: z.boolean().default(false) }),
    backupSummarySchema.extend({
      archiveBytes: z.number(),
      /** Stored files whose bytes no longer match their hash: kept as they are (see `evidence verify`). */
      alteredFiles: z.array(z.string()),
    }),
    { progress: true },
  ),
  /**
   * Checks an archive as a restore would (safe names, sizes, hashes, the database's integrity and
   * schema version) without changing anything, and says what it holds.
   */
  'backup.inspect': method(z.object({ path: archivePath }), backupSummarySchema, {
    progress: true,
  }),
};
