import { Link } from 'react-router';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import { formatDate, outcomeBadgeClass, outcomeLabel, statusLabel } from '../components/labels';
import { ProgressBar } from '../components/ProgressBar';
import { SpacerRow, useVirtualRows } from '../components/virtual-rows';

const COLUMNS = 7;

/**
 * The dashboard's list of every assessment. A national network has tens of thousands, so only
 * the rows in view are in the page (see useVirtualRows).
 */
export function AssessmentsTable({ assessments }: { assessments: AssessmentSummary[] }) {
  const { scroller, rows, before, after, measure } = useVirtualRows(assessments.length);
  return (
    <div className="table-wrap table-scroll" ref={scroller} tabIndex={0}>
      <table className="table" aria-rowcount={assessments.length + 1}>
        <caption className="visually-hidden">Assessments, most recently changed first</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Provider</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Score</th>
            <th scope="col">Outcome today</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={before} columns={COLUMNS} />
          {rows.map((row) => {
            const a = assessments[row.index];
            if (!a) return null;
            return (
              <tr key={a.id} data-index={row.index} ref={measure} aria-rowindex={row.index + 2}>
                <th scope="row">
                  <Link to={`/assessments/${a.id}`}>{a.providerName}</Link>
                </th>
                <td>{a.kind === 'self' ? 'Self-assessment' : 'External'}</td>
                <td>{statusLabel(a.status)}</td>
                <td className="cell-progress">
                  <ProgressBar
                    label={`${a.providerName} rated`}
                    value={a.progressPercent}
                    hideLabel
                  />
                </td>
                <td>{a.scorePercent}%</td>
                <td>
                  <span className={outcomeBadgeClass(a.outcome)}>{outcomeLabel(a.outcome)}</span>
                </td>
                <td>{formatDate(a.updatedAt)}</td>
              </tr>
            );
          })}
          <SpacerRow height={after} columns={COLUMNS} />
        </tbody>
      </table>
    </div>
  );
}
