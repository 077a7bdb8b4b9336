import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { invoke, isDesktop } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, PathField } from '../../components/fields';
import { TaskProgress } from '../../components/ProgressBar';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { BackupFacts } from './BackupFacts';
import { examplePath, pathErrors, progressText } from './describe';

type Made = MethodOutput<'backup.create'>;
type Stage =
  { kind: 'form' } | { kind: 'making'; progress: Progress | null } | { kind: 'made'; result: Made };

/** Makes a backup into a file whose path is typed in; records can go on changing meanwhile. */
export function MakeBackup({ dataDir }: { dataDir: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const form = useForm({
    initial: { backupPath: '', overwrite: false },
    check: ({ backupPath }) =>
      backupPath.trim()
        ? []
        : [{ field: 'backupPath', message: 'Enter the file to save the backup as' }],
    send: async ({ backupPath, overwrite }) => {
      setStage({ kind: 'making', progress: null });
      try {
        const result = await invoke(
          'backup.create',
          { path: backupPath.trim(), overwrite },
          (progress) => setStage({ kind: 'making', progress }),
        );
        setStage({ kind: 'made', result });
      } catch (error) {
        setStage({ kind: 'form' });
        throw error;
      }
    },
    errorsFrom: (error) => pathErrors(error, { field: 'backupPath' }),
  });

  const making = stage.kind === 'making';
  return (
    <section className="panel" aria-labelledby="make-heading">
      <h2 id="make-heading">Make a backup</h2>
      <p>
        A backup is one file holding the database and every stored evidence file, with a list of
        their fingerprints (SHA-256) so a restore can tell that nothing in it has changed. You can
        go on working while it is made. Keep backups on another drive as well as this computer.
      </p>
      <ErrorSummary errors={form.errors} />
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <PathField
          {...form.field('backupPath')}
          label="Save the backup as"
          choose={{ kind: 'new-file', filters: [{ name: 'SPQA backups', extensions: ['zip'] }] }}
          // The system's save dialog has asked already if the file is to be replaced.
          onChosen={() => form.set('overwrite')(true)}
          hint={`The full path of a new file, for example ${examplePath(dataDir)}.${
            isDesktop() ? '' : ' The file is saved on the computer running SPQA.'
          }`}
          required
        />
        <CheckboxField {...form.field('overwrite')} label="Replace the file if it already exists" />
        <div className="form-actions">
          <SubmitButton busy={making} busyLabel="Making the backup…" id="make-backup">
            Make a backup
          </SubmitButton>
        </div>
      </form>

      {stage.kind === 'making' ? (
        <TaskProgress
          label="Making the backup"
          progress={stage.progress}
          text={progressText(stage.progress)}
        />
      ) : null}
      {stage.kind === 'made' ? <BackupMade result={stage.result} /> : null}
    </section>
  );
}

/** Where the backup went and what it holds, taking focus as it appears. */
function BackupMade({ result }: { result: Made }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="notice notice-success" role="status">
      <h3 tabIndex={-1} ref={heading}>
        Backup made
      </h3>
      <p>
        Saved to <span className="code break-anywhere">{result.path}</span> (
        {formatBytes(result.archiveBytes)}).
      </p>
      {result.alteredFiles.length > 0 ? (
        <div className="notice notice-warning">
          <p>
            {plural(
              result.alteredFiles.length,
              'stored file no longer matches its fingerprint',
              'stored files no longer match their fingerprints',
            )}
            . They were backed up as they are; check them on the Evidence store screen.
          </p>
          <ul>
            {result.alteredFiles.map((hash) => (
              <li key={hash} className="code break-anywhere">
                {hash}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <BackupFacts facts={result} caption="Records in the backup" />
    </div>
  );
}
