import { resolve } from 'node:path';
import { restoreBackup } from '../../core/backup/restore';
import { AppError } from '../../core/errors';
import { booleanOptions, CliFailure, type Command, flag, megabytes } from '../command';

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([table]) => table !== 'audit_log')
    .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`);
  return parts.length > 0 ? parts.join(', ') : 'no records';
}

export const backupCommands: Command[] = [
  {
    path: ['backup'],
    summary: 'Back up the database and evidence store into one archive with a manifest of hashes',
    usage: 'backup FILE [--overwrite]',
    options: booleanOptions('overwrite'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const path = resolve(args.positionals[0] ?? '');
      const result = await ctx
        .call('backup.create', { path, overwrite: flag(args, 'overwrite') })
        .catch((error: unknown) => {
          // The core's refusal of an existing file names no option; here the way is --overwrite.
          if (
            error instanceof AppError &&
            (error.details as { field?: string } | undefined)?.field === 'overwrite'
          )
            throw new CliFailure(
              `${path} already exists; choose another name, or pass --overwrite`,
            );
          throw error;
        });
      for (const hash of result.alteredFiles) {
        ctx.stderr(
          `spqa: warning: stored file ${hash} no longer matches its hash; it was backed up as it ` +
            'is (run spqa evidence verify)',
        );
      }
      ctx.print(result, () =>
        [
          `backed up to ${result.path} (${megabytes(result.archiveBytes)})`,
          `database: schema ${result.schemaVersion}, ${megabytes(result.databaseBytes)}; ` +
            describeCounts(result.counts),
          `evidence: ${result.evidenceFiles} files, ${megabytes(result.evidenceBytes)}`,
        ].join('\n'),
      );
    },
  },
  {
    path: ['restore'],
    summary: 'Restore a backup: checked first, the current data kept aside in a dated folder',
    usage: 'restore FILE [--dry-run]',
    options: booleanOptions('dry-run'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      // The core is never opened here: the database must not be held open while it is replaced.
      const result = await restoreBackup({
        dataDir: ctx.dataDir,
        archive: resolve(args.positionals[0] ?? ''),
        dryRun: flag(args, 'dry-run'),
        progress: (p) => ctx.progress(p),
      });
      ctx.print(result, () =>
        [
          result.restored
            ? `restored the backup of ${result.createdAt} into ${resolve(ctx.dataDir)}`
            : `${result.archive} is a valid backup of ${result.createdAt}; nothing was changed`,
          `database: schema ${result.schemaVersion}; ${describeCounts(result.counts)}`,
          `evidence: ${result.evidenceFiles} files, ${megabytes(result.evidenceBytes)}`,
          ...(result.setAside ? [`the data it replaced is in ${result.setAside}`] : []),
        ].join('\n'),
      );
    },
  },
];
