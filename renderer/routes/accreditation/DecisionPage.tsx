import { useEffect, useRef, useState, type Ref } from 'react';
import { Link, useParams } from 'react-router';
import type { Decision } from '../../../shared/accreditation/schema';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate, outcomeLabel } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { ReadinessReasons } from '../assessments/ReadinessReasons';
import { DecisionForm } from './DecisionForm';

interface DecisionData {
  detail: AssessmentDetail;
  decision: Decision | null;
  profile: MethodOutput<'profile.get'>;
}

/**
 * The decision on a submitted external assessment, by someone who did not assess it: the outcome
 * the standards recommend, then the decision-maker's choice with conditions and reasons.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const state = useLoad(async (): Promise<DecisionData> => {
    const [detail, decision, profile] = await Promise.all([
      invoke('assessments.get', { id }),
      invoke('decisions.get', { assessmentId: id }),
      invoke('profile.get', {}),
    ]);
    return { detail, decision, profile };
  }, [id]);
  return (
    <LoadedPage title="Decision" state={state} what="the decision">
      {(data) => <DecisionScreen data={data} reload={state.reload} />}
    </LoadedPage>
  );
}

function DecisionScreen({ data, reload }: { data: DecisionData; reload: () => void }) {
  const { detail, decision } = data;
  const [justRecorded, setJustRecorded] = useState(false);
  const recordedRef = useRef<HTMLHeadingElement>(null);
  // The heading appears once the reload after recording lands; focus goes to it then, once.
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusPending.current && recordedRef.current) {
      focusPending.current = false;
      recordedRef.current.focus();
    }
  }, [justRecorded, data]);
  const { assessment } = detail;
  const current =
    assessment.status === 'decided' && decision?.revision === assessment.revision ? decision : null;
  const earlier = decision && !current ? decision : null;
  return (
    <Page title={`Decision: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="decision" />
      <DecisionBody
        data={data}
        current={current}
        heading={{ ref: recordedRef, text: justRecorded ? 'Decision recorded' : 'The decision' }}
        onRecorded={() => {
          focusPending.current = true;
          setJustRecorded(true);
          reload();
        }}
      />
      {earlier ? (
        <section aria-labelledby="earlier-decision-heading">
          <h2 id="earlier-decision-heading">Earlier decision, on revision {earlier.revision}</h2>
          <DecisionRecord decision={earlier} />
        </section>
      ) : null}
    </Page>
  );
}

/** What there is to do: nothing (with why), see the decision, or make it. */
function DecisionBody({
  data: { detail, profile },
  current,
  heading,
  onRecorded,
}: {
  data: DecisionData;
  current: Decision | null;
  heading: { ref: Ref<HTMLHeadingElement>; text: string };
  onRecorded: () => void;
}) {
  const { assessment } = detail;
  if (assessment.kind !== 'external')
    return (
      <p className="notice notice-info">
        Decisions are made on external assessments. This is {assessment.providerName}’s own
        self-assessment.
      </p>
    );
  if (assessment.conflict)
    return (
      <p className="notice notice-error">
        This assessment is blocked by the assessor’s declared conflict of interest, so there is
        nothing to decide.
      </p>
    );
  if (current)
    return (
      <section aria-labelledby="decision-heading" className="panel">
        <h2 id="decision-heading" tabIndex={-1} ref={heading.ref}>
          {heading.text}
        </h2>
        <DecisionRecord decision={current} />
        {current.outcome === 'not-accredited' ? (
          <p>No certificate is issued for this decision.</p>
        ) : (
          <p>
            <Link className="button" to={`/assessments/${assessment.id}/certificate`}>
              Go to the certificate
            </Link>
          </p>
        )}
      </section>
    );
  if (assessment.status !== 'submitted')
    return (
      <p className="notice notice-info">
        A decision needs a submitted assessment; this one is still open.{' '}
        <Link to={`/assessments/${assessment.id}/submit`}>Review and submit it</Link> first.
      </p>
    );
  return (
    <>
      <Recommended detail={detail} />
      <DecisionForm
        assessment={assessment}
        recommended={detail.readiness.outcome}
        defaultDecider={profile?.name ?? null}
        conditionsWithinDays={detail.framework.outcomeRules.conditionsDueWithinDays}
        onRecorded={onRecorded}
      />
    </>
  );
}

/** The outcome the standards recommend for the submitted revision, and why. */
function Recommended({ detail: { assessment, readiness } }: { detail: AssessmentDetail }) {
  return (
    <section aria-labelledby="recommended-heading" className="panel">
      <h2 id="recommended-heading">What the standards recommend</h2>
      <p className="outcome">
        <OutcomeBadge outcome={readiness.outcome} />
      </p>
      <p>
        Revision {assessment.revision}, submitted {formatDate(assessment.submittedAt)}, scores{' '}
        {readiness.scorePercent}% overall. Assessed by {assessment.assessor}.
      </p>
      <ReadinessReasons reasons={readiness.reasons} />
      <p>
        <Link to={`/assessments/${assessment.id}/readiness`}>See the scores by domain</Link> ·{' '}
        <Link to={`/assessments/${assessment.id}/submit`}>See what was sealed</Link>
      </p>
    </section>
  );
}

function DecisionRecord({ decision }: { decision: Decision }) {
  return (
    <dl className="summary-list">
      <dt>Outcome</dt>
      <dd>
        <OutcomeBadge outcome={decision.outcome} />
      </dd>
      <dt>Recommended by the standards</dt>
      <dd>{outcomeLabel(decision.recommendedOutcome)}</dd>
      {decision.conditions ? (
        <>
          <dt>Conditions</dt>
          <dd className="pre-line">{decision.conditions}</dd>
          <dt>Conditions due by</dt>
          <dd>{formatDate(decision.conditionsDue)}</dd>
        </>
      ) : null}
      <dt>Reasons</dt>
      <dd className="pre-line">{decision.reasons ?? 'None given'}</dd>
      <dt>Decided by</dt>
      <dd>
        {decision.decidedBy} on {formatDate(decision.decidedAt)}
      </dd>
      <dt>On revision</dt>
      <dd>{decision.revision}</dd>
    </dl>
  );
}
