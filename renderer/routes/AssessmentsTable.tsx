import { Link } from 'react-router';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import { formatDate, statusLabel } from '../components/labels';
import { OutcomeBadge } from '../components/OutcomeBadge';
import { ProgressBar } from '../components/ProgressBar';
import { VirtualTable } from '../components/virtual-rows';

/**
 * The dashboard's list of every assessment. A national network has tens of thousands, so only
 * the rows in view are in the page (see useVirtualRows).
 */
export function AssessmentsTable({ assessments }: { assessments: AssessmentSummary[] }) {
  return (
    <VirtualTable
      caption="Assessments, most recently changed first"
      headings={['Provider', 'Kind', 'Status', 'Progress', 'Score', 'Outcome today', 'Updated']}
      items={assessments}
      row={(assessment, rowProps) => (
        <tr key={assessment.id} {...rowProps}>
          <th scope="row">
            <Link to={`/assessments/${assessment.id}`}>{assessment.providerName}</Link>
          </th>
          <td>{assessment.kind === 'self' ? 'Self-assessment' : 'External'}</td>
          <td>{statusLabel(assessment.status)}</td>
          <td className="cell-progress">
            <ProgressBar
              label={`${assessment.providerName} rated`}
              value={assessment.progressPercent}
              hideLabel
            />
          </td>
          <td>{assessment.scorePercent}%</td>
          <td>
            <OutcomeBadge outcome={assessment.outcome} />
          </td>
          <td>{formatDate(assessment.updatedAt)}</td>
        </tr>
      )}
    />
  );
}
