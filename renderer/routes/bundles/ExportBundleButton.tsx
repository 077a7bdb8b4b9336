import { useState } from 'react';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { BundleExportResult } from '../../../shared/contract/bundles';
import { messageOf } from '../../../shared/error-message';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { ApiError, downloadFileBytes, invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField } from '../../components/fields';
import { TaskProgress } from '../../components/ProgressBar';
import { sentence } from '../../components/text';
import { useForm } from '../../components/use-form';
import {
  EMPTY_PASSPHRASE,
  PassphraseFields,
  passphraseProblems,
} from '../certificates/PassphraseFields';

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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<BundleExportResult | null>(null);
  const form = useForm({
    initial: EMPTY_PASSPHRASE,
    check: (draft) => passphraseProblems(draft, creating),
    send: async ({ passphrase }) => {
      setProgress(null);
      const result = await invoke(
        'bundles.export',
        { assessmentId: assessment.id, includePersonalData: includePersonal, passphrase },
        setProgress,
      );
      if (result.base64)
        downloadFileBytes({
          fileName: result.fileName,
          mediaType: 'application/zip',
          base64: result.base64,
        });
      setDone(result);
      form.setDraft(EMPTY_PASSPHRASE);
    },
    errorsFrom: (error) => [
      {
        field:
          error instanceof ApiError &&
          (error.details as { field?: string } | undefined)?.field === 'passphrase'
            ? 'passphrase'
            : '',
        message: sentence(messageOf(error)),
      },
    ],
  });

  return (
    <Dialog title="Export a bundle" onClose={onClose}>
      {done ? (
        <Exported result={done} />
      ) : (
        <form onSubmit={form.onSubmit} noValidate>
          <p>
            One signed file with this assessment, its provider and services, ratings, findings,
            revisions, decision and certificates, and its evidence files, for another SPQA
            installation to import.
          </p>
          <ErrorSummary errors={form.errors} />
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
              draft={form.draft}
              onChange={form.setDraft}
              errorFor={form.errorFor}
            />
          ) : null}
          <div aria-live="polite">
            {form.busy ? (
              <TaskProgress
                label="Exporting the bundle"
                progress={progress}
                text={
                  progress
                    ? `${progress.phase}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
                    : 'Starting…'
                }
              />
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={form.busy || !keyStatus.data}>
              Export and download
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The bundle made: what it holds, and the key the receiver must trust to import it. */
function Exported({ result }: { result: BundleExportResult }) {
  const { included, leftOut } = result.evidenceFiles;
  return (
    <div role="status" className="notice notice-success">
      <p>
        {result.fileName} ({formatBytes(result.size)}) has been saved to your downloads. It holds{' '}
        {plural(included, 'evidence file', 'evidence files')}
        {leftOut > 0
          ? `; ${plural(leftOut, 'marked as personal data was', 'marked as personal data were')} left out`
          : ''}
        .
      </p>
      <p>
        It is signed with <span className="mono break-anywhere">{result.keyId}</span>. The receiver
        must trust that key to import it.
      </p>
    </div>
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
