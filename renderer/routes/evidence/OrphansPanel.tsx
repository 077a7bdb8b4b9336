import { useState } from 'react';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAction } from '../../components/use-action';

/**
 * Files no live evidence uses: left by removed evidence that shared nothing, or by an add that
 * was interrupted. Deleting them frees space and cannot touch any assessment, but is final.
 */
export function OrphansPanel() {
  const [confirming, setConfirming] = useState(false);
  const removal = useAction();
  const [status, setStatus] = useState('');

  async function remove() {
    await removal.run(
      async () => {
        const result = await invoke('evidence.removeOrphans', {});
        setStatus(
          result.removedFiles === 0
            ? 'There were no unused files to remove.'
            : `Removed ${plural(result.removedFiles, 'unused file', 'unused files')} (${formatBytes(result.removedBytes)}).`,
        );
      },
      (message) => `The unused files could not be removed: ${message}`,
    );
    setConfirming(false);
  }

  return (
    <section className="panel" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">Remove unused files</h2>
      <p>
        Stored files that no evidence uses any more, for example after an add was interrupted. No
        assessment refers to them.
      </p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setStatus('');
          setConfirming(true);
        }}
      >
        Remove unused files
      </button>
      <p role="status" className="status-line">
        {status}
      </p>
      <ProblemMessage problem={removal.problem} notice />
      {confirming ? (
        <ConfirmDialog
          title="Remove unused files?"
          confirmLabel="Delete unused files"
          busy={removal.busy}
          onConfirm={() => void remove()}
          onClose={() => setConfirming(false)}
        >
          <p>
            Every stored file that no evidence uses is deleted from this computer. Evidence in use,
            including evidence of submitted assessments, is not touched. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
