import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
} from '../../../shared/accreditation/vocabulary';
import type { Progress } from '../../../shared/result';
import { invoke, isDesktop } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { PathField } from '../../components/fields';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { fieldErrorsFrom } from '../../components/problems';
import { bytes, plural } from '../register/format';
import { certificateStatusLabel } from './labels';

type Stage =
  | { kind: 'form' }
  | { kind: 'saving'; progress: Progress | null }
  | { kind: 'done'; files: number; bytes: number; folder: string };

const TITLE = 'Save certificate PDFs';
const FIRST_STATUS = `status-${CERTIFICATE_STATUSES[0]}`;

/**
 * Saves the PDF of many certificates at once into a folder, one file per certificate named by
 * its number (for printing, or sending to holders). The core spreads the work over every core.
 */
export function ExportPdfsPage() {
  const list = useLoad(() => invoke('certificates.list', {}), []);
  const [statuses, setStatuses] = useState<CertificateStatus[]>(['active', 'suspended']);
  const [folder, setFolder] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const savedHeading = useRef<HTMLHeadingElement>(null);
  // The result is below the form: take the reader (and the keyboard focus) to it.
  useEffect(() => {
    if (stage.kind !== 'done') return;
    savedHeading.current?.focus();
    savedHeading.current?.parentElement?.scrollIntoView({ block: 'nearest' });
  }, [stage.kind]);

  if (list.error)
    return (
      <Page title={TITLE}>
        <LoadError error={list.error} retry={list.reload} />
      </Page>
    );
  if (!list.data)
    return (
      <Page title={TITLE}>
        <Loading what="the certificates" />
      </Page>
    );
  const counts = new Map<CertificateStatus, number>();
  for (const c of list.data) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const chosen = statuses.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  function toggle(status: CertificateStatus, on: boolean) {
    setStatuses((current) =>
      CERTIFICATE_STATUSES.filter((s) => (s === status ? on : current.includes(s))),
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (chosen === 0)
      problems.push({
        field: FIRST_STATUS,
        message: 'Choose statuses that at least one certificate has',
      });
    if (!folder.trim())
      problems.push({ field: 'folder', message: 'Enter the folder to save the PDFs into' });
    setErrors(problems);
    if (problems.length > 0) return;
    setStage({ kind: 'saving', progress: null });
    try {
      const result = await invoke(
        'certificates.exportPdfs',
        { folder: folder.trim(), statuses },
        (progress) => setStage({ kind: 'saving', progress }),
      );
      setStage({ kind: 'done', ...result });
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (path) => (path === 'folder' ? 'folder' : '')));
      setStage({ kind: 'form' });
    }
  }

  const saving = stage.kind === 'saving';
  return (
    <Page
      title={TITLE}
      actions={
        <Link className="button secondary" to="/certificates">
          All certificates
        </Link>
      }
    >
      <p className="lede">
        Save the PDF of every certificate you choose into one folder, each named by its number (for
        example SPQA-2026-000123.pdf), to print or send to the holders. Each PDF carries its signed
        data, so it can be checked without SPQA. A PDF already in the folder for the same
        certificate is replaced.
      </p>
      {list.data.length === 0 ? (
        <p>No certificates have been issued yet.</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form className="form" onSubmit={(e) => void save(e)} noValidate>
            <fieldset className="fieldset" aria-describedby="statuses-hint">
              <legend>Certificates with these statuses today</legend>
              <p className="hint" id="statuses-hint">
                {plural(chosen, 'certificate is', 'certificates are')} chosen.
              </p>
              {errorFor(FIRST_STATUS) ? (
                <p className="error-message">
                  <span className="visually-hidden">Error: </span>
                  {errorFor(FIRST_STATUS)}
                </p>
              ) : null}
              {CERTIFICATE_STATUSES.map((status) => (
                <div className="field checkbox" key={status}>
                  <input
                    id={`field-status-${status}`}
                    type="checkbox"
                    checked={statuses.includes(status)}
                    onChange={(e) => toggle(status, e.target.checked)}
                    disabled={saving}
                  />
                  <label htmlFor={`field-status-${status}`}>
                    {certificateStatusLabel(status)} (
                    {(counts.get(status) ?? 0).toLocaleString('en-GB')})
                  </label>
                </div>
              ))}
            </fieldset>
            <PathField
              name="folder"
              label="Folder to save into"
              choose={{ kind: 'folder' }}
              hint={`The full path of a folder; it is made if it does not exist.${
                isDesktop() ? '' : ' The folder is on the computer running SPQA.'
              }`}
              value={folder}
              onChange={setFolder}
              error={errorFor('folder')}
              required
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={saving}>
                {saving ? 'Saving…' : 'Save the PDFs'}
              </button>
            </div>
          </form>
        </>
      )}

      {stage.kind === 'saving' ? (
        <section className="panel" aria-labelledby="saving-heading">
          <h2 id="saving-heading">Saving</h2>
          <ProgressBar
            label="Saving certificate PDFs"
            value={stage.progress?.done ?? 0}
            max={stage.progress?.total || 1}
            text={
              stage.progress
                ? `${stage.progress.done.toLocaleString('en-GB')} of ${stage.progress.total.toLocaleString('en-GB')} saved`
                : 'Starting…'
            }
          />
        </section>
      ) : null}

      {stage.kind === 'done' ? (
        <section className="panel" aria-labelledby="saved-heading">
          <h2 id="saved-heading" tabIndex={-1} ref={savedHeading}>
            Saved
          </h2>
          <p role="status" className="notice notice-success">
            Saved {plural(stage.files, 'certificate PDF', 'certificate PDFs')} ({bytes(stage.bytes)}
            ) into <span className="code break-anywhere">{stage.folder}</span>.
          </p>
        </section>
      ) : null}
    </Page>
  );
}
