import type { Ref } from 'react';
import { Link } from 'react-router';
import type { BackupSummary, RestoreResult } from '../../../shared/contract/backup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../register/format';
import { BackupFacts } from './BackupFacts';

/** A backup checked and whole: what it holds, and (after a question) restoring it. */
export function BackupChecked({
  summary,
  dataDir,
  confirming,
  onConfirming,
  onRestore,
  headingRef,
}: {
  summary: BackupSummary;
  dataDir: string;
  /** The question before restoring is showing. */
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  onRestore: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <section aria-labelledby="checked-heading">
      <h3 id="checked-heading" tabIndex={-1} ref={headingRef}>
        What the backup holds
      </h3>
      <p role="status">
        This is a complete SPQA backup: every file in it matches its fingerprint and its database is
        whole. Nothing has been changed.
      </p>
      <BackupFacts facts={summary} file={summary.path} caption="Records in the backup" />
      <div className="button-row">
        <button
          id="restore-backup"
          type="button"
          className="button"
          onClick={() => onConfirming(true)}
        >
          Restore this backup…
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore the backup"
          busy={false}
          onConfirm={onRestore}
          onClose={() => onConfirming(false)}
        >
          <p>
            The records and evidence SPQA has now will be replaced by those in the backup made on{' '}
            {formatDateTime(summary.createdAt)}.
          </p>
          <p>
            Your current records are not deleted: they are kept aside in a folder named{' '}
            <span className="code">before-restore-&lt;time&gt;</span> in the data folder:
          </p>
          <p className="code break-anywhere">{dataDir}</p>
          <p>Anything else you do in SPQA waits until the restore has finished.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** The backup is in place: where the records it replaced went, and the way to the new ones. */
export function BackupRestored({
  result,
  headingRef,
}: {
  result: RestoreResult;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <div className="notice notice-success" role="status">
      <h3 tabIndex={-1} ref={headingRef}>
        Backup restored
      </h3>
      <p>
        SPQA now has the records and evidence of the backup made on{' '}
        {formatDateTime(result.createdAt)}.
      </p>
      {result.setAside ? (
        <>
          <p>The records it replaced are kept in this folder:</p>
          <p className="code break-anywhere">{result.setAside}</p>
        </>
      ) : (
        <p>There were no earlier records to keep aside.</p>
      )}
      <div className="button-row">
        <Link id="restored-dashboard" className="button" to="/">
          See the restored records on the dashboard
        </Link>
      </div>
    </div>
  );
}
