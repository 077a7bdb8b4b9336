import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { backupMethods } from '../../../shared/contract/backup';
import type { HandlersFor } from '../context';
import { createBackup } from './create';
import { validateBackup } from './validate';

export interface BackupFacts {
  appVersion: string;
  /** The database driver built for this runtime (Electron's differs from Node's). */
  nativeBinding?: string | undefined;
}

export function backupHandlers(facts: BackupFacts): HandlersFor<typeof backupMethods> {
  return {
    'backup.create': (input, ctx) =>
      createBackup({
        db: ctx.db,
        dataDir: ctx.dataDir,
        target: input.path,
        overwrite: input.overwrite,
        appVersion: facts.appVersion,
        now: ctx.clock.now(),
        progress: ctx.progress,
      }),
    'backup.inspect': async (input, ctx) => {
      const archive = resolve(input.path);
      const staging = await mkdtemp(join(tmpdir(), 'spqa-inspect-'));
      try {
        const { manifest, counts } = await validateBackup({
          archive,
          staging,
          nativeBinding: facts.nativeBinding,
          progress: ctx.progress,
        });
        return {
          path: archive,
          createdAt: manifest.createdAt,
          appVersion: manifest.appVersion,
          schemaVersion: manifest.schemaVersion,
          databaseBytes: manifest.database.size,
          evidenceFiles: manifest.evidence.length,
          evidenceBytes: manifest.evidence.reduce((sum, f) => sum + f.size, 0),
          counts,
        };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  };
}
