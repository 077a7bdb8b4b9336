import { change, type CoreContext } from '../context';

/** What the host tells a core it opens on data it has just restored. */
export interface RestoredFrom {
  archive: string;
  /** When the backup was made, from its manifest. */
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  /** Where the data it replaced was put; null when there was none. */
  setAside: string | null;
}

/**
 * Records a restore in the restored database's own audit trail, as the first change after it was
 * opened (and, for an older backup, upgraded). The trail otherwise ends where the backup was made,
 * so without this entry nothing in the records would say they were put back, when, by whom or
 * from which file; the replaced data keeps its own trail in `before-restore-<time>/`.
 */
export function recordRestore(ctx: CoreContext, from: RestoredFrom): void {
  change(ctx, (_now, audit) =>
    audit({
      action: 'backup.restored',
      entityType: 'backup',
      entityId: from.archive,
      detail: {
        backupCreatedAt: from.createdAt,
        backupAppVersion: from.appVersion,
        backupSchemaVersion: from.schemaVersion,
        setAside: from.setAside,
      },
    }),
  );
}
