import { Link, useParams } from 'react-router';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { DomainChart } from '../../components/DomainChart';
import { LoadedPage } from '../../components/Loaded';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { Table } from '../../components/Table';
import { AssessmentHeader } from './AssessmentHeader';
import { criterionPath } from './criterion-links';
import { ReadinessReasons } from './ReadinessReasons';

export function ReadinessPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  return (
    <LoadedPage title="Readiness summary" state={state} what="the readiness summary">
      {(detail) => <Readiness detail={detail} />}
    </LoadedPage>
  );
}

function Readiness({ detail }: { detail: AssessmentDetail }) {
  const { assessment } = detail;
  return (
    <Page title={`Readiness summary: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="readiness" />
      <OutcomePanel detail={detail} />
      <DomainScores detail={detail} />
      <EssentialGaps detail={detail} />
    </Page>
  );
}

/** The outcome the standards give today, why it is no higher, and how it is worked out. */
function OutcomePanel({ detail: { readiness, framework } }: { detail: AssessmentDetail }) {
  const rules = framework.outcomeRules;
  const notApplicable = readiness.domains.reduce((sum, d) => sum + d.notApplicable, 0);
  return (
    <section className="panel outcome-panel" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">Outcome the standards give today</h2>
      <p className="outcome">
        <OutcomeBadge outcome={readiness.outcome} />
      </p>
      <p>
        Overall score <strong>{readiness.scorePercent}%</strong> across{' '}
        {readiness.applicable - notApplicable} criteria that count (Not applicable ones are left
        out; criteria not yet rated count as not met).
      </p>
      <ProgressBar
        label="Criteria rated"
        value={readiness.rated}
        max={readiness.applicable}
        text={`${readiness.rated} of ${readiness.applicable} rated`}
      />
      {readiness.reasons.length > 0 ? (
        <>
          <h3>Why not higher</h3>
          <ReadinessReasons reasons={readiness.reasons} />
        </>
      ) : null}
      <details>
        <summary>How the outcome is worked out</summary>
        <p>
          Met counts fully and Partially met counts {rules.scoring.partial * 100}%. Accredited needs
          every essential criterion met, at least {rules.accredited.minOverallPercent}% overall and
          at least {rules.accredited.minDomainPercent}% in every domain. Accredited with conditions
          needs no essential criterion Not met, at most {rules.conditional.maxEssentialPartiallyMet}{' '}
          only Partially met, at least {rules.conditional.minOverallPercent}% overall and{' '}
          {rules.conditional.minDomainPercent}% in every domain.
        </p>
      </details>
    </section>
  );
}

/** Each domain's score against the thresholds, as a chart and as the table it pictures. */
function DomainScores({
  detail: { assessment, readiness, framework },
}: {
  detail: AssessmentDetail;
}) {
  const rules = framework.outcomeRules;
  return (
    <section aria-labelledby="domains-heading">
      <h2 id="domains-heading">By domain</h2>
      <DomainChart
        bars={readiness.domains}
        accreditedMin={rules.accredited.minDomainPercent}
        conditionalMin={rules.conditional.minDomainPercent}
        id="domain-chart"
      />
      <Table
        caption="Scores and ratings by domain"
        headings={['Domain', 'Score', 'Rated', 'Met', 'Partially met', 'Not met', 'Not applicable']}
      >
        {readiness.domains.map((domain) => (
          <tr key={domain.code}>
            <th scope="row">
              <Link to={`/assessments/${assessment.id}/domain/${domain.code}`}>{domain.title}</Link>
            </th>
            <td>{domain.scorePercent}%</td>
            <td>
              {domain.rated} of {domain.applicable}
            </td>
            <td>{domain.met}</td>
            <td>{domain.partial}</td>
            <td>{domain.notMet}</td>
            <td>{domain.notApplicable}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** The essential criteria not yet met, each linking to its place on the rating screen. */
function EssentialGaps({ detail: { assessment, readiness } }: { detail: AssessmentDetail }) {
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Essential criteria not yet met</h2>
      {readiness.essentialGaps.length === 0 ? (
        <p>Every essential criterion is met.</p>
      ) : (
        <ul className="gap-list">
          {readiness.essentialGaps.map((gap) => (
            <li key={gap.code}>
              <Link to={criterionPath({ assessmentId: assessment.id, code: gap.code })}>
                <span className="criterion-code">{gap.code}</span> {gap.statement}
              </Link>{' '}
              <span className="badge badge-muted">
                {gap.rating ? RATING_LABELS[gap.rating] : 'Not rated'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/assessments/${assessment.id}/plan`}>Plan what to improve</Link>
      </p>
    </section>
  );
}
