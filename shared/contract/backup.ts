import { z } from 'zod';
import { method } from './define';
import { typedPathSchema } from '../validation/paths';

const archivePath = typedPathSchema('name the backup file');

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

/** What a restore did: the backup's summary, and where the data it replaced was put. */
export const restoreResultSchema = backupSummarySchema.omit({ path: true }).extend({
  archive: z.string(),
  restored: z.boolean(),
  /** Where the data that was replaced now lives (`before-restore-<time>/`); null when there was none. */
  setAside: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

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

/**
 * Answered by the host around the core (the desktop app and browser mode), never by the core
 * itself: the database must be closed while it is replaced, and the core is what holds it open.
 * See electron/core/host/restorable-core.ts.
 */
export const backupHostMethods = {
  /**
   * Restores a backup into the data folder in use: checked first as `backup.inspect` does, then
   * the current database and evidence store moved into `before-restore-<time>/` in the data folder
   * and the backup's put in their place. Calls made meanwhile wait, then see the restored records.
   */
  'backup.restore': method(z.object({ path: archivePath }), restoreResultSchema, {
    progress: true,
  }),
};
