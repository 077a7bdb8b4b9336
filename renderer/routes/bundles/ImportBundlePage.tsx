import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { BundlePreview } from '../../../shared/bundles/schema';
import type { BundleImportResult, BundleSource } from '../../../shared/contract/bundles';
import type { Progress } from '../../../shared/result';
import { invoke, stageFile } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { BundleDropZone } from './BundleDropZone';
import { PreviewSummary, PreviewTable } from './PreviewTable';
import { sentence } from '../../components/text';

type Stage =
  | { kind: 'choose' }
  | { kind: 'working'; fileName: string; label: string; progress: Progress | null }
  | { kind: 'refused'; fileName: string; message: string; untrusted: boolean }
  | { kind: 'previewed'; fileName: string; source: BundleSource; preview: BundlePreview }
  | { kind: 'done'; result: BundleImportResult };

/** Lets go of a bundle streamed to the local server (browser mode) that will not be imported. */
function discardStaged(staged: { current: string | null }): void {
  const uploadId = staged.current;
  staged.current = null;
  if (uploadId) void invoke('bundles.discardUpload', { uploadId }).catch(() => undefined);
}

function progressText(p: Progress | null): string {
  if (!p) return 'Starting…';
  if (p.total === 0) return p.phase;
  return `${p.phase}: ${formatBytes(p.done)} of ${formatBytes(p.total)}`;
}

/**
 * Importing a bundle: choose or drop a .spqa file, see what it would add, change or conflict
 * with, then apply it all or not at all. Big bundles show how far sending, checking and storing
 * have got.
 */
export function ImportBundlePage() {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const staged = useRef<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const discard = () => discardStaged(staged);
  // A bundle sent to the local server but never imported is not left lying in the store.
  useEffect(() => () => discardStaged(staged), []);
  useEffect(() => {
    if (stage.kind === 'previewed' || stage.kind === 'done' || stage.kind === 'refused')
      resultRef.current?.focus();
  }, [stage.kind]);

  async function check(file: File) {
    discard();
    const working = (label: string) => (progress: Progress | null) =>
      setStage({ kind: 'working', fileName: file.name, label, progress });
    try {
      working('Sending the bundle')(null);
      const source = await stageFile(file, working('Sending the bundle'));
      if (source.kind === 'upload') staged.current = source.uploadId;
      working('Checking the bundle')(null);
      const preview = await invoke('bundles.preview', { source }, working('Checking the bundle'));
      setStage({ kind: 'previewed', fileName: file.name, source, preview });
    } catch (error) {
      discard();
      const message = (error as Error).message;
      setStage({
        kind: 'refused',
        fileName: file.name,
        message,
        untrusted: /which you do not trust/.test(message),
      });
    }
  }

  async function apply(fileName: string, source: BundleSource, preview: BundlePreview) {
    setStage({ kind: 'working', fileName, label: 'Importing the bundle', progress: null });
    try {
      const result = await invoke(
        'bundles.import',
        { source, manifestSha256: preview.manifestSha256 },
        (progress) =>
          setStage({ kind: 'working', fileName, label: 'Importing the bundle', progress }),
      );
      // The core has let go of an uploaded bundle once it has been imported (or refused).
      staged.current = null;
      setStage({ kind: 'done', result });
    } catch (error) {
      staged.current = null;
      setStage({ kind: 'refused', fileName, message: (error as Error).message, untrusted: false });
    }
  }

  const busy = stage.kind === 'working';
  return (
    <Page
      title="Import a bundle"
      actions={
        <Link className="button secondary" to="/bundles/keys">
          Trusted keys
        </Link>
      }
    >
      <p>
        A bundle (a <span className="mono">.spqa</span> file) carries one assessment with its
        provider, ratings, findings, decision, certificates and evidence from another SPQA
        installation. It is imported only if it is signed with a key you trust and nothing in it has
        changed since it was signed. You see what it would add or change first; then it is imported
        whole or not at all.
      </p>

      <BundleDropZone disabled={busy} onFile={(file) => void check(file)} />

      <div aria-live="polite">
        {stage.kind === 'working' ? (
          <ProgressBar
            label={`${stage.label} (${stage.fileName})`}
            value={stage.progress?.done ?? 0}
            max={stage.progress?.total || 1}
            text={progressText(stage.progress)}
          />
        ) : null}
      </div>

      {stage.kind === 'refused' ? (
        <div role="alert" className="notice notice-error">
          <h2 tabIndex={-1} ref={resultRef}>
            {stage.fileName} was not imported
          </h2>
          <p className="break-anywhere">{sentence(stage.message)}</p>
          <p>Nothing in your records was changed.</p>
          {stage.untrusted ? (
            <p>
              If you know the sender, get their public key from them, check its key id with them in
              person or by phone, and add it on the <Link to="/bundles/keys">Trusted keys</Link>{' '}
              screen. Then choose the bundle again.
            </p>
          ) : null}
        </div>
      ) : null}

      {stage.kind === 'previewed' ? (
        <section aria-labelledby="preview-heading" className="panel">
          <h2 id="preview-heading" tabIndex={-1} ref={resultRef}>
            What importing {stage.fileName} would do
          </h2>
          <PreviewSummary preview={stage.preview} />
          {stage.preview.warnings.length > 0 ? (
            <div className="notice notice-warning">
              <ul>
                {stage.preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <PreviewTable preview={stage.preview} />
          {!stage.preview.canApply ? (
            <div className="notice notice-error">
              <p>
                This bundle cannot be imported because some of its records conflict with yours (see
                the table). Nothing has been changed.
              </p>
            </div>
          ) : stage.preview.nothingToImport ? (
            <div className="notice">
              <p>Nothing to import: every record in this bundle is already here.</p>
            </div>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button"
                onClick={() => void apply(stage.fileName, stage.source, stage.preview)}
              >
                Import {stage.preview.counts.new + stage.preview.counts.changed} new and changed
                records
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  discard();
                  setStage({ kind: 'choose' });
                }}
              >
                Cancel
              </button>
            </div>
          )}
        </section>
      ) : null}

      {stage.kind === 'done' ? (
        <div className="notice notice-success" role="status">
          <h2 tabIndex={-1} ref={resultRef}>
            {stage.result.applied ? 'Bundle imported' : 'Nothing to import'}
          </h2>
          <p>{sentence(stage.result.message)}</p>
          <ul>
            <li>
              <Link to={`/assessments/${stage.result.preview.subject.assessmentId}`}>
                Open the assessment
              </Link>
            </li>
            <li>
              <Link to={`/providers/${stage.result.preview.subject.providerId}`}>
                Open {stage.result.preview.subject.providerName}
              </Link>
            </li>
            {stage.result.preview.items.some((i) => i.kind === 'certificate') ? (
              <li>
                <Link to="/certificates">See the certificates</Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </Page>
  );
}
