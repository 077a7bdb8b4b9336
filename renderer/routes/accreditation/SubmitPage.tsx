import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Revision } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAction } from '../../components/use-action';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { NewRevisionForm, RevisionHistory } from './RevisionsPanel';
import { Blockers, SealSummary, type SealPreview } from './SealSummary';

interface SubmitData {
  preview: SealPreview;
  revisions: Revision[];
}

/**
 * Submitting seals the assessment: the screen lists what will be frozen and anything that stops
 * it, asks once, then shows the sealed revision's fingerprint. A sealed assessment offers a new
 * revision instead, and the history of every revision.
 */
export function SubmitPage() {
  const { id = '' } = useParams();
  const state = useLoad(async (): Promise<SubmitData> => {
    const [preview, revisions] = await Promise.all([
      invoke('assessments.sealPreview', { id }),
      invoke('assessments.revisions', { id }),
    ]);
    return { preview, revisions };
  }, [id]);
  return (
    <LoadedPage title="Submit and revisions" state={state} what="what would be sealed">
      {(data) => <Submit data={data} reload={state.reload} />}
    </LoadedPage>
  );
}

function Submit({
  data: { preview, revisions },
  reload,
}: {
  data: SubmitData;
  reload: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const submission = useAction();
  const [sealed, setSealed] = useState<Revision | null>(null);
  const [message, setMessage] = useState('');
  const { assessment } = preview;
  const open = assessment.status === 'draft' || assessment.status === 'in-progress';
  const lastSealed = [...revisions].reverse().find((r) => r.sha256);

  async function submit() {
    await submission.run(async () => {
      const result = await invoke('assessments.submit', { id: assessment.id });
      setConfirming(false);
      setSealed(result.revision);
      setMessage('');
      reload();
    });
  }

  return (
    <Page title={`Submit and revisions: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="submit" />
      <p role="status" className="status-line">
        {message}
      </p>
      {sealed ? <SealedOutcome revision={sealed} assessmentId={assessment.id} /> : null}
      {open ? (
        <SealNow preview={preview} onSubmit={() => setConfirming(true)} />
      ) : (
        <>
          {!sealed && lastSealed ? (
            <p className="notice notice-info">
              This assessment is{' '}
              {assessment.status === 'decided' ? 'submitted and decided' : 'submitted'}. Revision{' '}
              {lastSealed.revision} was sealed on {formatDate(lastSealed.sealedAt)} with fingerprint{' '}
              <span className="hash mono break-anywhere">{lastSealed.sha256}</span>.
            </p>
          ) : null}
          <section aria-labelledby="sealed-heading">
            <h2 id="sealed-heading">What revision {preview.revision} sealed</h2>
            <SealSummary preview={preview} headingId="sealed-heading" />
          </section>
          <NewRevisionForm
            assessment={assessment}
            onOpened={(revision) => {
              setSealed(null);
              setMessage(
                `Revision ${revision.revision} opened. Ratings and findings can be changed again.`,
              );
              reload();
            }}
          />
        </>
      )}
      <RevisionHistory revisions={revisions} />
      {confirming ? (
        <ConfirmDialog
          title={`Submit and seal revision ${preview.revision}?`}
          confirmLabel={submission.busy ? 'Sealing…' : 'Submit and seal'}
          busy={submission.busy}
          onConfirm={() => void submit()}
          onClose={() => {
            setConfirming(false);
            submission.clear();
          }}
        >
          <p>
            The {preview.rated} ratings, the findings and the {preview.evidence.length} items of
            evidence of {assessment.providerName}’s assessment are frozen with their fingerprints.
            Any later change needs a new revision with its reason.
          </p>
          <ProblemMessage problem={submission.problem} />
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

/** An open assessment: what submitting would seal, what stops it, and the button to do it. */
function SealNow({ preview, onSubmit }: { preview: SealPreview; onSubmit: () => void }) {
  const blocked = preview.blockers.length > 0;
  return (
    <section aria-labelledby="seal-heading">
      <h2 id="seal-heading">What submitting revision {preview.revision} seals</h2>
      <Blockers preview={preview} />
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
        onClick={onSubmit}
      >
        Submit and seal revision {preview.revision}
      </button>
    </section>
  );
}

/** The revision just sealed and its fingerprint, taking focus as it appears. */
function SealedOutcome({ revision, assessmentId }: { revision: Revision; assessmentId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [revision]);
  return (
    <div className="notice notice-success" id="sealed-outcome">
      <h2 tabIndex={-1} ref={heading}>
        Revision {revision.revision} submitted and sealed
      </h2>
      <p>
        Sealed on {formatDate(revision.sealedAt)} by {revision.sealedBy}. Its ratings, findings and
        evidence can no longer change. Anyone can check it has not changed against this fingerprint
        (SHA-256):
      </p>
      <p className="hash mono break-anywhere" id="sealed-hash">
        {revision.sha256}
      </p>
      <p>
        <Link to={`/assessments/${assessmentId}/decision`}>Go to the decision</Link>
      </p>
    </div>
  );
}
