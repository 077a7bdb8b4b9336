import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Revision } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { NewRevisionForm, RevisionHistory } from './RevisionsPanel';
import { Blockers, SealSummary } from './SealSummary';

/**
 * Submitting seals the assessment: the screen lists what will be frozen and anything that stops
 * it, asks once, then shows the sealed revision's fingerprint. A sealed assessment offers a new
 * revision instead, and the history of every revision.
 */
export function SubmitPage() {
  const { id = '' } = useParams();
  const state = useLoad(async () => {
    const [preview, revisions] = await Promise.all([
      invoke('assessments.sealPreview', { id }),
      invoke('assessments.revisions', { id }),
    ]);
    return { preview, revisions };
  }, [id]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [sealed, setSealed] = useState<Revision | null>(null);
  const [message, setMessage] = useState('');
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sealed) outcomeRef.current?.focus();
  }, [sealed]);

  if (state.error)
    return (
      <Page title="Submit and revisions">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Submit and revisions">
        <Loading what="what would be sealed" />
      </Page>
    );
  const { preview, revisions } = state.data;
  const a = preview.assessment;
  const open = a.status === 'draft' || a.status === 'in-progress';
  const lastSealed = [...revisions].reverse().find((r) => r.sha256);
  const blocked = preview.blockers.length > 0;

  async function submit() {
    setBusy(true);
    setProblem('');
    try {
      const result = await invoke('assessments.submit', { id });
      setConfirming(false);
      setSealed(result.revision);
      setMessage('');
      state.reload();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={`Submit and revisions: ${a.providerName}`}>
      <AssessmentHeader assessment={a} current="submit" />
      <p role="status" className="status-line">
        {message}
      </p>
      {sealed ? (
        <div className="notice notice-success" id="sealed-outcome">
          <h2 tabIndex={-1} ref={outcomeRef}>
            Revision {sealed.revision} submitted and sealed
          </h2>
          <p>
            Sealed on {formatDate(sealed.sealedAt)} by {sealed.sealedBy}. Its ratings, findings and
            evidence can no longer change. Anyone can check it has not changed against this
            fingerprint (SHA-256):
          </p>
          <p className="hash mono break-anywhere" id="sealed-hash">
            {sealed.sha256}
          </p>
          <p>
            <Link to={`/assessments/${id}/decision`}>Go to the decision</Link>
          </p>
        </div>
      ) : null}
      {open ? (
        <section aria-labelledby="seal-heading">
          <h2 id="seal-heading">What submitting revision {preview.revision} seals</h2>
          <Blockers preview={preview} assessmentId={id} />
          <SealSummary preview={preview} headingId="seal-heading" />
          <p id="submit-explain">
            {blocked
              ? 'Submitting is possible once nothing above stops it.'
              : 'Once submitted, this revision is sealed: it cannot be changed, only followed by a new revision. The decision is then made by someone who did not assess.'}
          </p>
          <button
            type="button"
            className="button"
            id="submit-assessment"
            disabled={blocked}
            aria-describedby="submit-explain"
            onClick={() => setConfirming(true)}
          >
            Submit and seal revision {preview.revision}
          </button>
        </section>
      ) : (
        <>
          {!sealed && lastSealed ? (
            <p className="notice notice-info">
              This assessment is {a.status === 'decided' ? 'submitted and decided' : 'submitted'}.
              Revision {lastSealed.revision} was sealed on {formatDate(lastSealed.sealedAt)} with
              fingerprint <span className="hash mono break-anywhere">{lastSealed.sha256}</span>.
            </p>
          ) : null}
          <section aria-labelledby="sealed-heading">
            <h2 id="sealed-heading">What revision {preview.revision} sealed</h2>
            <SealSummary preview={preview} headingId="sealed-heading" />
          </section>
          <NewRevisionForm
            assessment={a}
            onOpened={(revision) => {
              setSealed(null);
              setMessage(
                `Revision ${revision.revision} opened. Ratings and findings can be changed again.`,
              );
              state.reload();
            }}
          />
        </>
      )}
      <RevisionHistory revisions={revisions} />
      {confirming ? (
        <ConfirmDialog
          title={`Submit and seal revision ${preview.revision}?`}
          confirmLabel={busy ? 'Sealing…' : 'Submit and seal'}
          busy={busy}
          onConfirm={() => void submit()}
          onClose={() => {
            setConfirming(false);
            setProblem('');
          }}
        >
          <p>
            The {preview.rated} ratings, the findings and the {preview.evidence.length} items of
            evidence of {a.providerName}’s assessment are frozen with their fingerprints. Any later
            change needs a new revision with its reason.
          </p>
          {problem ? (
            <p className="error-message" role="alert">
              {problem}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
