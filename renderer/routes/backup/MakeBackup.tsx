import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { Progress } from '../../../shared/result';
import { invoke, isDesktop } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField, PathField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { plural } from '../../../shared/text/plural';
import { formatBytes } from '../../components/bytes';
import { BackupFacts } from './BackupFacts';
import { examplePath, pathErrors, progressText } from './describe';

type Made = MethodOutput<'backup.create'>;
type Stage =
  { kind: 'form' } | { kind: 'making'; progress: Progress | null } | { kind: 'made'; result: Made };

/** Makes a backup into a file whose path is typed in; records can go on changing meanwhile. */
export function MakeBackup({ dataDir }: { dataDir: string }) {
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const madeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (stage.kind === 'made') madeHeading.current?.focus();
  }, [stage.kind]);

  async function make(event: FormEvent) {
    event.preventDefault();
    if (!path.trim()) {
      setErrors([{ field: 'backupPath', message: 'Enter the file to save the backup as' }]);
      return;
    }
    setErrors([]);
    setStage({ kind: 'making', progress: null });
    try {
      const result = await invoke('backup.create', { path: path.trim(), overwrite }, (progress) =>
        setStage({ kind: 'making', progress }),
      );
      setStage({ kind: 'made', result });
    } catch (error) {
      setErrors(pathErrors(error, 'backupPath'));
      setStage({ kind: 'form' });
    }
  }

  const making = stage.kind === 'making';
  return (
    <section className="panel" aria-labelledby="make-heading">
      <h2 id="make-heading">Make a backup</h2>
      <p>
        A backup is one file holding the database and every stored evidence file, with a list of
        their fingerprints (SHA-256) so a restore can tell that nothing in it has changed. You can
        go on working while it is made. Keep backups on another drive as well as this computer.
      </p>
      <ErrorSummary errors={errors} />
      <form className="form" onSubmit={(e) => void make(e)} noValidate>
        <PathField
          name="backupPath"
          label="Save the backup as"
          choose={{ kind: 'new-file', filters: [{ name: 'SPQA backups', extensions: ['zip'] }] }}
          // The system's save dialog has asked already if the file is to be replaced.
          onChosen={() => setOverwrite(true)}
          hint={`The full path of a new file, for example ${examplePath(dataDir)}.${
            isDesktop() ? '' : ' The file is saved on the computer running SPQA.'
          }`}
          value={path}
          onChange={setPath}
          error={errors.find((e) => e.field === 'backupPath')?.message}
          required
        />
        <CheckboxField
          name="overwrite"
          label="Replace the file if it already exists"
          value={overwrite}
          onChange={setOverwrite}
        />
        <div className="form-actions">
          <button id="make-backup" type="submit" className="button" disabled={making}>
            {making ? 'Making the backup…' : 'Make a backup'}
          </button>
        </div>
      </form>

      {stage.kind === 'making' ? (
        <ProgressBar
          label="Making the backup"
          value={stage.progress?.done ?? 0}
          max={stage.progress?.total || 1}
          text={progressText(stage.progress)}
        />
      ) : null}

      {stage.kind === 'made' ? (
        <div className="notice notice-success" role="status">
          <h3 tabIndex={-1} ref={madeHeading}>
            Backup made
          </h3>
          <p>
            Saved to <span className="code break-anywhere">{stage.result.path}</span> (
            {formatBytes(stage.result.archiveBytes)}).
          </p>
          {stage.result.alteredFiles.length > 0 ? (
            <div className="notice notice-warning">
              <p>
                {plural(
                  stage.result.alteredFiles.length,
                  'stored file no longer matches its fingerprint',
                  'stored files no longer match their fingerprints',
                )}
                . They were backed up as they are; check them on the Evidence store screen.
              </p>
              <ul>
                {stage.result.alteredFiles.map((hash) => (
                  <li key={hash} className="code break-anywhere">
                    {hash}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <BackupFacts facts={stage.result} caption="Records in the backup" />
        </div>
      ) : null}
    </section>
  );
}
