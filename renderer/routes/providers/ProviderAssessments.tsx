import { useState } from 'react';
import { Link } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { formatDate, statusLabel } from '../../components/labels';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { ProgressBar } from '../../components/ProgressBar';
import { Table } from '../../components/Table';
import { FrameworkChoice, firstFrameworkKey } from '../frameworks/FrameworkChoice';
import type { ProviderData } from './ProviderPage';

/** The provider's assessments so far, and (while it is not archived) how to start another. */
export function ProviderAssessments({
  data: { provider, assessments, frameworks },
  onStartSelfAssessment,
}: {
  data: ProviderData;
  /** Starts a self-assessment on the framework with this `id@version` key. */
  onStartSelfAssessment: (frameworkKey: string) => Promise<void>;
}) {
  const [framework, setFramework] = useState('');
  const chosen = framework || firstFrameworkKey(frameworks);
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Assessments</h2>
      {assessments.length === 0 ? (
        <p>No assessments yet.</p>
      ) : (
        <AssessmentList name={provider.name} assessments={assessments} />
      )}
      {!provider.archivedAt && frameworks.length > 0 ? (
        <div className="panel start-assessment">
          <h3>Start a self-assessment</h3>
          <FrameworkChoice
            frameworks={frameworks}
            value={chosen}
            onChange={setFramework}
            hint="The assessment stays on this version for ever, even when a newer one is published."
          />
          <button
            type="button"
            id="start-self-assessment"
            className="button"
            onClick={() => void onStartSelfAssessment(chosen)}
          >
            Start self-assessment
          </button>
        </div>
      ) : null}
      {!provider.archivedAt ? (
        <div className="panel start-assessment">
          <h3>External assessment</h3>
          <p>
            An independent assessor audits {provider.name} against the standards, with its
            self-assessment alongside, and records findings for a decision by the network.
          </p>
          <Link
            className="button secondary"
            id="start-external-assessment"
            to={`/providers/${provider.id}/external`}
          >
            Start an external assessment
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function AssessmentList({ name, assessments }: { name: string; assessments: AssessmentSummary[] }) {
  return (
    <Table
      caption={`Assessments of ${name}`}
      hideCaption
      headings={['Started', 'Kind', 'Standards', 'Status', 'Progress', 'Outcome today']}
    >
      {assessments.map((assessment) => (
        <tr key={assessment.id}>
          <th scope="row">
            <Link to={`/assessments/${assessment.id}`}>{formatDate(assessment.startedAt)}</Link>
          </th>
          <td>
            {assessment.kind === 'self' ? 'Self-assessment' : 'External'}
            {assessment.conflict ? (
              <>
                {' '}
                <span className="badge badge-weak">Blocked</span>
              </>
            ) : null}
          </td>
          <td>
            {assessment.frameworkId}@{assessment.frameworkVersion}
          </td>
          <td>{statusLabel(assessment.status)}</td>
          <td className="cell-progress">
            <ProgressBar
              label={`Assessment started ${formatDate(assessment.startedAt)} rated`}
              value={assessment.progressPercent}
              hideLabel
            />
          </td>
          <td>
            <OutcomeBadge outcome={assessment.outcome} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
