import { Link, useParams } from 'react-router';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { DomainChart } from '../../components/DomainChart';
import { outcomeBadgeClass, outcomeLabel } from '../../components/labels';
import { LoadError, Loading, Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { AssessmentHeader } from './AssessmentHeader';

const criterionAnchor = (assessmentId: string, code: string) =>
  `/assessments/${assessmentId}/domain/${code.replace(/\d.*$/, '')}`;

export function ReadinessPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  if (state.error)
    return (
      <Page title="Readiness summary">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Readiness summary">
        <Loading what="the readiness summary" />
      </Page>
    );
  const { assessment, readiness: r, framework } = state.data;
  const rules = framework.outcomeRules;

  return (
    <Page title={`Readiness summary: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="readiness" />
      <section className="panel outcome-panel" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">Outcome the standards give today</h2>
        <p className="outcome">
          <span className={outcomeBadgeClass(r.outcome)}>{outcomeLabel(r.outcome)}</span>
        </p>
        <p>
          Overall score <strong>{r.scorePercent}%</strong> across{' '}
          {r.applicable - r.domains.reduce((n, d) => n + d.notApplicable, 0)} criteria that count
          (Not applicable ones are left out; criteria not yet rated count as not met).
        </p>
        <ProgressBar
          label="Criteria rated"
          value={r.rated}
          max={r.applicable}
          text={`${r.rated} of ${r.applicable} rated`}
        />
        {r.reasons.length > 0 ? (
          <>
            <h3>Why not higher</h3>
            <ul>
              {r.reasons.map((reason) => (
                <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <details>
          <summary>How the outcome is worked out</summary>
          <p>
            Met counts fully and Partially met counts {rules.scoring.partial * 100}%. Accredited
            needs every essential criterion met, at least {rules.accredited.minOverallPercent}%
            overall and at least {rules.accredited.minDomainPercent}% in every domain. Accredited
            with conditions needs no essential criterion Not met, at most{' '}
            {rules.conditional.maxEssentialPartiallyMet} only Partially met, at least{' '}
            {rules.conditional.minOverallPercent}% overall and {rules.conditional.minDomainPercent}%
            in every domain.
          </p>
        </details>
      </section>

      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">By domain</h2>
        <DomainChart
          bars={r.domains}
          accreditedMin={rules.accredited.minDomainPercent}
          conditionalMin={rules.conditional.minDomainPercent}
          id="domain-chart"
        />
        <div className="table-wrap">
          <table className="table">
            <caption>Scores and ratings by domain</caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Score</th>
                <th scope="col">Rated</th>
                <th scope="col">Met</th>
                <th scope="col">Partially met</th>
                <th scope="col">Not met</th>
                <th scope="col">Not applicable</th>
              </tr>
            </thead>
            <tbody>
              {r.domains.map((d) => (
                <tr key={d.code}>
                  <th scope="row">
                    <Link to={`/assessments/${id}/domain/${d.code}`}>{d.title}</Link>
                  </th>
                  <td>{d.scorePercent}%</td>
                  <td>
                    {d.rated} of {d.applicable}
                  </td>
                  <td>{d.met}</td>
                  <td>{d.partial}</td>
                  <td>{d.notMet}</td>
                  <td>{d.notApplicable}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Essential criteria not yet met</h2>
        {r.essentialGaps.length === 0 ? (
          <p>Every essential criterion is met.</p>
        ) : (
          <ul className="gap-list">
            {r.essentialGaps.map((g) => (
              <li key={g.code}>
                <Link to={criterionAnchor(id, g.code)}>
                  <span className="criterion-code">{g.code}</span> {g.statement}
                </Link>{' '}
                <span className="badge badge-muted">
                  {g.rating ? RATING_LABELS[g.rating] : 'Not rated'}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/assessments/${id}/plan`}>Plan what to improve</Link>
        </p>
      </section>
    </Page>
  );
}
