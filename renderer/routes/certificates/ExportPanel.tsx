import { useState } from 'react';
import type { Progress } from '../../../shared/result';
import { downloadFileBytes, invoke, isDesktop } from '../../api/bridge';
import { ProgressBar } from '../../components/ProgressBar';

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
  const [busy, setBusy] = useState<string>('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);

  async function run(what: string, make: () => Promise<Parameters<typeof downloadFileBytes>[0]>) {
    setBusy(what);
    setProblem('');
    setStatus(`Making the ${what}…`);
    try {
      const file = await make();
      downloadFileBytes(file);
      setStatus(`${isDesktop() ? 'Saved' : 'Downloaded'} ${file.fileName}.`);
    } catch (error) {
      setStatus('');
      setProblem(`Could not make the ${what}: ${(error as Error).message}`);
    } finally {
      setBusy('');
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="exports-heading" className="panel">
      <h2 id="exports-heading">Files</h2>
      <ul className="export-list">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <button
              type="button"
              className="button secondary"
              id={`export-${f.format}`}
              aria-describedby={`export-${f.format}-what`}
              disabled={busy !== ''}
              onClick={() =>
                void run(f.label, () => invoke('certificates.render', { number, format: f.format }))
              }
            >
              {verb} {f.label}
            </button>
            <p className="hint" id={`export-${f.format}-what`}>
              {f.what}
            </p>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="button secondary"
            id="export-report"
            aria-describedby="export-report-what"
            disabled={busy !== ''}
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
      {busy === 'assessment report' && progress ? (
        <ProgressBar
          label={`Making the assessment report: ${progress.phase}`}
          value={progress.done}
          max={progress.total}
        />
      ) : null}
      <p role="status" className="status-line">
        {status}
      </p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
