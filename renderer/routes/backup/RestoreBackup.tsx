import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupSummary, RestoreResult } from '../../../shared/contract/backup';
import type { Progress } from '../../../shared/result';
import { ApiError, invoke, isDesktop } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { PathField } from '../../components/fields';
import { TaskProgress } from '../../components/ProgressBar';
import { SubmitButton } from '../../components/SubmitButton';
import { formatDateTime } from '../register/format';
import { pathErrors, progressText } from './describe';
import { BackupChecked, BackupRestored } from './RestoreOutcomes';

type Stage =
  | { kind: 'form' }
  | { kind: 'checking'; progress: Progress | null }
  | { kind: 'checked'; summary: BackupSummary; confirming: boolean }
  | { kind: 'restoring'; summary: BackupSummary; progress: Progress | null }
  | { kind: 'restored'; result: RestoreResult };

const FIELD = 'archivePath';

/**
 * A refused restore changed nothing, and says so; a failure of the app itself (`internal`) says
 * what happened in its own words, which name where the records are.
 */
function restoreErrors(error: unknown): FieldError[] {
  const changedNothing = error instanceof ApiError && error.code !== 'internal';
  if (!changedNothing) return pathErrors(error, { field: FIELD });
  return pathErrors(error, { field: FIELD, lead: 'the backup was not restored' }).map(
    ({ field, message }) => ({
      field,
      message: /nothing was changed/i.test(message) ? message : `${message} Nothing was changed.`,
    }),
  );
}

/**
 * Restoring: type the backup's path, check it (nothing changes), see what it holds, confirm,
 * then watch it restore. The current records are moved aside into the data folder, never deleted.
 */
export function RestoreBackup({ dataDir }: { dataDir: string }) {
  const [path, setPath] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // Each answer appears below the form: take the reader (and the keyboard focus) to it. Counted,
  // so closing the dialog leaves focus on the button that opened it, as dialogs should.
  const [arrivals, setArrivals] = useState(0);
  const arrive = (next: Stage) => {
    setStage(next);
    setArrivals((count) => count + 1);
  };
  useEffect(() => {
    if (arrivals === 0) return;
    resultHeading.current?.focus();
    // The outcome (where the old records went, the way to them) is short: show all of it.
    resultHeading.current?.closest('.notice')?.scrollIntoView({ block: 'nearest' });
  }, [arrivals]);

  function changePath(value: string) {
    setPath(value);
    // What was checked was another file; its summary and its restore button go.
    if (stage.kind === 'checked' || stage.kind === 'restored') setStage({ kind: 'form' });
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!path.trim()) {
      setErrors([{ field: FIELD, message: 'Enter the path of the backup file' }]);
      return;
    }
    setErrors([]);
    setStage({ kind: 'checking', progress: null });
    try {
      const summary = await invoke('backup.inspect', { path: path.trim() }, (progress) =>
        setStage({ kind: 'checking', progress }),
      );
      arrive({ kind: 'checked', summary, confirming: false });
    } catch (error) {
      setErrors(pathErrors(error, { field: FIELD }));
      setStage({ kind: 'form' });
    }
  }

  async function restore(summary: BackupSummary) {
    arrive({ kind: 'restoring', summary, progress: null });
    try {
      const result = await invoke('backup.restore', { path: summary.path }, (progress) =>
        setStage({ kind: 'restoring', summary, progress }),
      );
      arrive({ kind: 'restored', result });
    } catch (error) {
      setErrors(restoreErrors(error));
      setStage({ kind: 'form' });
    }
  }

  return (
    <section className="panel" aria-labelledby="restore-heading">
      <h2 id="restore-heading">Restore a backup</h2>
      <p>
        Restoring puts the records and evidence of a backup in place of those SPQA has now. Nothing
        is deleted: the records it replaces are kept aside in the data folder. The backup is checked
        first, and you see what it holds before anything changes.
      </p>
      <ErrorSummary errors={errors} />
      <form className="form" onSubmit={(event) => void check(event)} noValidate>
        <PathField
          name={FIELD}
          label="Backup file"
          choose={{
            kind: 'existing-file',
            // Some systems' save dialogs add no extension, so other files are offered too.
            filters: [
              { name: 'SPQA backups', extensions: ['zip'] },
              { name: 'All files', extensions: ['*'] },
            ],
          }}
          hint={`The full path of a backup SPQA made (a .zip file).${
            isDesktop() ? '' : ' The file is on the computer running SPQA.'
          }`}
          value={path}
          onChange={changePath}
          error={errors.find((e) => e.field === FIELD)?.message}
          required
        />
        <div className="form-actions">
          <SubmitButton
            busy={stage.kind === 'checking'}
            busyLabel="Checking…"
            id="check-backup"
            secondary
            disabled={stage.kind === 'restoring'}
          >
            Check backup
          </SubmitButton>
        </div>
      </form>

      {stage.kind === 'checking' ? (
        <TaskProgress
          label="Checking the backup"
          progress={stage.progress}
          text={progressText(stage.progress)}
        />
      ) : null}
      {stage.kind === 'checked' ? (
        <BackupChecked
          summary={stage.summary}
          dataDir={dataDir}
          confirming={stage.confirming}
          onConfirming={(confirming) => setStage({ ...stage, confirming })}
          onRestore={() => void restore(stage.summary)}
          headingRef={resultHeading}
        />
      ) : null}
      {stage.kind === 'restoring' ? (
        <section aria-labelledby="restoring-heading">
          <h3 id="restoring-heading" tabIndex={-1} ref={resultHeading}>
            Restoring the backup made on {formatDateTime(stage.summary.createdAt)}
          </h3>
          <TaskProgress
            label="Restoring the backup"
            progress={stage.progress}
            text={progressText(stage.progress)}
          />
        </section>
      ) : null}
      {stage.kind === 'restored' ? (
        <BackupRestored result={stage.result} headingRef={resultHeading} />
      ) : null}
    </section>
  );
}
