import { Link } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { statusLabel } from '../../components/labels';
import { ExportBundleButton } from '../bundles/ExportBundleButton';

type View = 'rate' | 'evidence' | 'readiness' | 'plan' | 'submit' | 'decision' | 'certificate';

const VIEWS: { view: View; label: string; path: string }[] = [
  { view: 'rate', label: 'Rate criteria', path: '' },
  { view: 'evidence', label: 'Evidence', path: '/evidence' },
  { view: 'readiness', label: 'Readiness summary', path: '/readiness' },
  { view: 'plan', label: 'Improvement plan', path: '/plan' },
];

// An external assessment's actions live in its findings; after rating come sealing and deciding.
const EXTERNAL_VIEWS: { view: View; label: string; path: string }[] = [
  { view: 'rate', label: 'Rate criteria', path: '' },
  { view: 'evidence', label: 'Evidence', path: '/evidence' },
  { view: 'readiness', label: 'Readiness summary', path: '/readiness' },
  { view: 'submit', label: 'Submit and revisions', path: '/submit' },
  { view: 'decision', label: 'Decision', path: '/decision' },
  { view: 'certificate', label: 'Certificate', path: '/certificate' },
];

/** The line under every assessment screen's heading, and the links between its views. */
export function AssessmentHeader({
  assessment,
  current,
}: {
  assessment: AssessmentSummary;
  current: View;
}) {
  return (
    <>
      <p className="muted">
        <Link to={`/providers/${assessment.providerId}`}>{assessment.providerName}</Link> ·{' '}
        {assessment.kind === 'self' ? 'Self-assessment' : 'External assessment'} · standards{' '}
        {assessment.frameworkId}@{assessment.frameworkVersion} ·{' '}
        {assessment.conflict ? 'Blocked by a conflict of interest' : statusLabel(assessment.status)}
        {assessment.kind === 'external' && assessment.assessor ? (
          <> · assessor {assessment.assessor}</>
        ) : null}
        {assessment.revision > 1 ? <> · revision {assessment.revision}</> : null}
      </p>
      <div className="button-row">
        <ExportBundleButton assessment={assessment} />
      </div>
      <nav aria-label="Assessment views" className="tabs">
        <ul>
          {(assessment.kind === 'external' ? EXTERNAL_VIEWS : VIEWS).map(
            ({ view, label, path }) => (
              <li key={view}>
                <Link
                  to={`/assessments/${assessment.id}${path}`}
                  aria-current={view === current ? 'page' : undefined}
                >
                  {label}
                </Link>
              </li>
            ),
          )}
        </ul>
      </nav>
    </>
  );
}
