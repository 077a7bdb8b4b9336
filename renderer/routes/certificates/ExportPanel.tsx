import { useState } from 'react';
import type { Progress } from '../../../shared/result';
import { downloadFileBytes, invoke, isDesktop } from '../../api/bridge';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useAction } from '../../components/use-action';
import { TextField } from '../../components/fields';

type Format = 'pdf' | 'json';

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
];

/**
 * The certificate's files and the assessment report, made by the core (the CLI makes the same
 * files) and handed to the browser's download, or the desktop's save dialog.
 */
export function ExportPanel({
  number,
  assessmentId,
  active,
}: {
  number: string;
  assessmentId: string;
  /** Only an active certificate has an Open Badge. */
  active: boolean;
}) {
  const verb = isDesktop() ? 'Save' : 'Download';
  const exporting = useAction();
  // What is being made, while it is.
  const [making, setMaking] = useState('');
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [passphrase, setPassphrase] = useState('');

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
      {active ? (
        <fieldset className="badge-export">
          <legend>Open Badge</legend>
          <p className="hint" id="export-badge-what">
            The certificate as an Open Badges 3.0 credential, signed by the network, for the
            provider to show on its website or in a badge wallet, and for anyone to check with a
            standard verifier. As JSON, or baked into a PNG badge image. Signing needs the
            passphrase.
          </p>
          <TextField
            name="badgePassphrase"
            label="Signing passphrase"
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            width="medium"
          />
          <div className="button-row">
            {(
              [
                ['json', 'Open Badge (JSON)'],
                ['png', 'badge image (PNG)'],
              ] as const
            ).map(([format, label]) => (
              <button
                key={format}
                type="button"
                className="button secondary"
                id={`export-badge-${format}`}
                aria-describedby="export-badge-what"
                disabled={exporting.busy || passphrase === ''}
                onClick={() =>
                  void run(label, () =>
                    invoke('certificates.badge', { number, passphrase, format }),
                  )
                }
              >
                {verb} {label}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
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
