import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Decision } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate, outcomeBadgeClass, outcomeLabel } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { DecisionForm } from './DecisionForm';

function DecisionRecord({ decision }: { decision: Decision }) {
  return (
    <dl className="summary-list">
      <dt>Outcome</dt>
      <dd>
        <span className={outcomeBadgeClass(decision.outcome)}>
          {outcomeLabel(decision.outcome)}
        </span>
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

/**
 * The decision on a submitted external assessment, by someone who did not assess it: the outcome
 * the standards recommend, then the decision-maker's choice with conditions and reasons.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const state = useLoad(async () => {
    const [detail, decision, profile] = await Promise.all([
      invoke('assessments.get', { id }),
      invoke('decisions.get', { assessmentId: id }),
      invoke('profile.get', {}),
    ]);
    return { detail, decision, profile };
  }, [id]);
  const [justRecorded, setJustRecorded] = useState(false);
  const recordedRef = useRef<HTMLHeadingElement>(null);
  // The heading appears once the reload after recording lands; focus goes to it then, once.
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusPending.current && recordedRef.current) {
      focusPending.current = false;
      recordedRef.current.focus();
    }
  }, [justRecorded, state.data]);

  if (state.error)
    return (
      <Page title="Decision">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Decision">
        <Loading what="the decision" />
      </Page>
    );
  const { detail, decision, profile } = state.data;
  const a = detail.assessment;
  const r = detail.readiness;
  const current = a.status === 'decided' && decision?.revision === a.revision ? decision : null;
  const earlier = decision && !current ? decision : null;

  const body = () => {
    if (a.kind !== 'external')
      return (
        <p className="notice notice-info">
          Decisions are made on external assessments. This is {a.providerName}’s own
          self-assessment.
        </p>
      );
    if (a.conflict)
      return (
        <p className="notice notice-error">
          This assessment is blocked by the assessor’s declared conflict of interest, so there is
          nothing to decide.
        </p>
      );
    if (current)
      return (
        <section aria-labelledby="decision-heading" className="panel">
          <h2 id="decision-heading" tabIndex={-1} ref={recordedRef}>
            {justRecorded ? 'Decision recorded' : 'The decision'}
          </h2>
          <DecisionRecord decision={current} />
          {current.outcome === 'not-accredited' ? (
            <p>No certificate is issued for this decision.</p>
          ) : (
            <p>
              <Link className="button" to={`/assessments/${id}/certificate`}>
                Go to the certificate
              </Link>
            </p>
          )}
        </section>
      );
    if (a.status !== 'submitted')
      return (
        <p className="notice notice-info">
          A decision needs a submitted assessment; this one is still open.{' '}
          <Link to={`/assessments/${id}/submit`}>Review and submit it</Link> first.
        </p>
      );
    return (
      <>
        <section aria-labelledby="recommended-heading" className="panel">
          <h2 id="recommended-heading">What the standards recommend</h2>
          <p className="outcome">
            <span className={outcomeBadgeClass(r.outcome)}>{outcomeLabel(r.outcome)}</span>
          </p>
          <p>
            Revision {a.revision}, submitted {formatDate(a.submittedAt)}, scores {r.scorePercent}%
            overall. Assessed by {a.assessor}.
          </p>
          {r.reasons.length > 0 ? (
            <ul>
              {r.reasons.map((reason) => (
                <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to={`/assessments/${id}/readiness`}>See the scores by domain</Link> ·{' '}
            <Link to={`/assessments/${id}/submit`}>See what was sealed</Link>
          </p>
        </section>
        <DecisionForm
          assessment={a}
          recommended={r.outcome}
          defaultDecider={profile?.name ?? null}
          conditionsWithinDays={detail.framework.outcomeRules.conditionsDueWithinDays}
          onRecorded={() => {
            focusPending.current = true;
            setJustRecorded(true);
            state.reload();
          }}
        />
      </>
    );
  };

  return (
    <Page title={`Decision: ${a.providerName}`}>
      <AssessmentHeader assessment={a} current="decision" />
      {body()}
      {earlier ? (
        <section aria-labelledby="earlier-decision-heading">
          <h2 id="earlier-decision-heading">Earlier decision, on revision {earlier.revision}</h2>
          <DecisionRecord decision={earlier} />
        </section>
      ) : null}
    </Page>
  );
}
