import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { BundlePreview } from '../../../shared/bundles/schema';
import type { BundleImportResult, BundleSource } from '../../../shared/contract/bundles';
import { messageOf } from '../../../shared/error-message';
import type { Progress } from '../../../shared/result';
import { invoke, stageFile } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { Page } from '../../components/Page';
import { TaskProgress } from '../../components/ProgressBar';
import { BundleDropZone } from './BundleDropZone';
import { BundleImported, BundlePreviewed, BundleRefused } from './ImportOutcomes';

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

function progressText(progress: Progress | null): string {
  if (!progress) return 'Starting…';
  if (progress.total === 0) return progress.phase;
  return `${progress.phase}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`;
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
      const message = messageOf(error);
      setStage({
        kind: 'refused',
        fileName: file.name,
        message,
        untrusted: /which you do not trust/.test(message),
      });
    }
  }

  async function apply({
    fileName,
    source,
    preview,
  }: {
    fileName: string;
    source: BundleSource;
    preview: BundlePreview;
  }) {
    const working = (progress: Progress | null) =>
      setStage({ kind: 'working', fileName, label: 'Importing the bundle', progress });
    working(null);
    try {
      const result = await invoke(
        'bundles.import',
        { source, manifestSha256: preview.manifestSha256 },
        working,
      );
      // The core has let go of an uploaded bundle once it has been imported (or refused).
      staged.current = null;
      setStage({ kind: 'done', result });
    } catch (error) {
      staged.current = null;
      setStage({ kind: 'refused', fileName, message: messageOf(error), untrusted: false });
    }
  }

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

      <BundleDropZone disabled={stage.kind === 'working'} onFile={(file) => void check(file)} />

      <div aria-live="polite">
        {stage.kind === 'working' ? (
          <TaskProgress
            label={`${stage.label} (${stage.fileName})`}
            progress={stage.progress}
            text={progressText(stage.progress)}
          />
        ) : null}
      </div>

      {stage.kind === 'refused' ? <BundleRefused {...stage} headingRef={resultRef} /> : null}
      {stage.kind === 'previewed' ? (
        <BundlePreviewed
          {...stage}
          headingRef={resultRef}
          onImport={() => void apply(stage)}
          onCancel={() => {
            discard();
            setStage({ kind: 'choose' });
          }}
        />
      ) : null}
      {stage.kind === 'done' ? (
        <BundleImported result={stage.result} headingRef={resultRef} />
      ) : null}
    </Page>
  );
}
