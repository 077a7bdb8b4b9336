import { useState } from 'react';
import type { Progress } from '../../../shared/result';
import { downloadFileBytes, invoke, isDesktop } from '../../api/bridge';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useAction } from '../../components/use-action';

type Format = 'pdf' | 'json' | 'badge';

const FORMATS: { format: Format; label: string; what: string }[] = [
  {
    format: 'pdf',
    label: 'certificate PDF',
    what: 'To print or send. The signed certificate is attached inside it, so the PDF alone can be checked.',
  },
  {
    format: 'json',
    label: 'signed certificate (JSON)',
    what: 'The signed document itself, for checking with any Ed25519 tool.',
  },
  {
    format: 'badge',
    label: 'Open Badge',
    what: 'An Open Badges 3.0 credential the provider can show on its website or profile.',
  },
];

/**
 * The certificate's files and the assessment report, made by the core (the CLI makes the same
 * files) and handed to the browser's download, or the desktop's save dialog.
 */
export function ExportPanel({ number, assessmentId }: { number: string; assessmentId: string }) {
  const verb = isDesktop() ? 'Save' : 'Download';
  const exporting = useAction();
  // What is being made, while it is.
  const [making, setMaking] = useState('');
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);

  async function run(what: string, make: () => Promise<Parameters<typeof downloadFileBytes>[0]>) {
    setMaking(what);
    setStatus(`Making the ${what}…`);
    const made = await exporting.run(
      async () => {
        const file = await make();
        downloadFileBytes(file);
        setStatus(`${isDesktop() ? 'Saved' : 'Downloaded'} ${file.fileName}.`);
      },
      (message) => `Could not make the ${what}: ${message}`,
    );
    if (!made) setStatus('');
    setMaking('');
    setProgress(null);
  }

  return (
    <section aria-labelledby="exports-heading" className="panel">
      <h2 id="exports-heading">Files</h2>
      <ul className="export-list">
        {FORMATS.map(({ format, label, what }) => (
          <li key={format}>
            <button
              type="button"
              className="button secondary"
              id={`export-${format}`}
              aria-describedby={`export-${format}-what`}
              disabled={exporting.busy}
              onClick={() =>
                void run(label, () => invoke('certificates.render', { number, format }))
              }
            >
              {verb} {label}
            </button>
            <p className="hint" id={`export-${format}-what`}>
              {what}
            </p>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="button secondary"
            id="export-report"
            aria-describedby="export-report-what"
            disabled={exporting.busy}
            onClick={() =>
              void run('assessment report', () =>
                invoke('reports.render', { assessmentId }, setProgress),
              )
            }
          >
            {verb} assessment report (PDF)
          </button>
          <p className="hint" id="export-report-what">
            The sealed assessment behind the certificate: summary, results by domain, findings and
            actions, and the evidence list with fingerprints.
          </p>
        </li>
      </ul>
      {making === 'assessment report' && progress ? (
        <ProgressBar
          label={`Making the assessment report: ${progress.phase}`}
          value={progress.done}
          max={progress.total}
        />
      ) : null}
      <p role="status" className="status-line">
        {status}
      </p>
      <ProblemMessage problem={exporting.problem} />
    </section>
  );
}
