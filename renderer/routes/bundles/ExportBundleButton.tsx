import { useState, type FormEvent } from 'react';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { BundleExportResult } from '../../../shared/contract/bundles';
import type { Progress } from '../../../shared/result';
import { ApiError, downloadFileBytes, invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import {
  PassphraseFields,
  passphraseProblems,
  type PassphraseDraft,
} from '../certificates/PassphraseFields';
import { sentence } from '../../components/text';

function ExportDialog({
  assessment,
  onClose,
}: {
  assessment: AssessmentSummary;
  onClose: () => void;
}) {
  const keyStatus = useLoad(() => invoke('keys.status', {}), []);
  const creating = keyStatus.data ? keyStatus.data.networkKey === null : false;
  const [includePersonal, setIncludePersonal] = useState(false);
  const [draft, setDraft] = useState<PassphraseDraft>({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BundleExportResult | null>(null);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = passphraseProblems(draft, creating);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setProgress(null);
    try {
      const result = await invoke(
        'bundles.export',
        {
          assessmentId: assessment.id,
          includePersonalData: includePersonal,
          passphrase: draft.passphrase,
        },
        setProgress,
      );
      if (result.base64)
        downloadFileBytes({
          fileName: result.fileName,
          mediaType: 'application/zip',
          base64: result.base64,
        });
      setDone(result);
      setDraft({ passphrase: '', confirm: '' });
    } catch (error) {
      const field =
        error instanceof ApiError &&
        (error.details as { field?: string } | undefined)?.field === 'passphrase'
          ? 'passphrase'
          : '';
      setErrors([{ field, message: sentence((error as Error).message) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Export a bundle" onClose={onClose}>
      {done ? (
        <div role="status" className="notice notice-success">
          <p>
            {done.fileName} ({formatBytes(done.size)}) has been saved to your downloads. It holds{' '}
            {done.evidenceFiles.included} evidence{' '}
            {done.evidenceFiles.included === 1 ? 'file' : 'files'}
            {done.evidenceFiles.leftOut > 0
              ? `; ${done.evidenceFiles.leftOut} marked as personal data ${done.evidenceFiles.leftOut === 1 ? 'was' : 'were'} left out`
              : ''}
            .
          </p>
          <p>
            It is signed with <span className="mono break-anywhere">{done.keyId}</span>. The
            receiver must trust that key to import it.
          </p>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>
            One signed file with this assessment, its provider and services, ratings, findings,
            revisions, decision and certificates, and its evidence files, for another SPQA
            installation to import.
          </p>
          <ErrorSummary errors={errors} />
          <CheckboxField
            name="include-personal-data"
            label="Include evidence files marked as personal data"
            hint="Left out unless you tick this. Include them only if the receiver needs them and may hold them."
            value={includePersonal}
            onChange={setIncludePersonal}
          />
          {keyStatus.data ? (
            <PassphraseFields
              creating={creating}
              draft={draft}
              onChange={setDraft}
              errorFor={errorFor}
            />
          ) : null}
          <div aria-live="polite">
            {busy ? (
              <ProgressBar
                label="Exporting the bundle"
                value={progress?.done ?? 0}
                max={progress?.total || 1}
                text={
                  progress
                    ? `${progress.phase}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
                    : 'Starting…'
                }
              />
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy || !keyStatus.data}>
              Export and download
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The assessment's "Export bundle" button, opening the export dialog. */
export function ExportBundleButton({ assessment }: { assessment: AssessmentSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
        Export bundle
      </button>
      {open ? <ExportDialog assessment={assessment} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
