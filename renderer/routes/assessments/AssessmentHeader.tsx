import { Link } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { statusLabel } from '../../components/labels';

type View = 'rate' | 'evidence' | 'readiness' | 'plan';

const VIEWS: { view: View; label: string; path: string }[] = [
  { view: 'rate', label: 'Rate criteria', path: '' },
  { view: 'evidence', label: 'Evidence', path: '/evidence' },
  { view: 'readiness', label: 'Readiness summary', path: '/readiness' },
  { view: 'plan', label: 'Improvement plan', path: '/plan' },
];

/** The line under every assessment screen's heading, and the links between its views. */
export function AssessmentHeader({
  assessment: a,
  current,
}: {
  assessment: AssessmentSummary;
  current: View;
}) {
  return (
    <>
      <p className="muted">
        <Link to={`/providers/${a.providerId}`}>{a.providerName}</Link> ·{' '}
        {a.kind === 'self' ? 'Self-assessment' : 'External assessment'} · standards {a.frameworkId}@
        {a.frameworkVersion} · {statusLabel(a.status)}
      </p>
      <nav aria-label="Assessment views" className="tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.view}>
              <Link
                to={`/assessments/${a.id}${v.path}`}
                aria-current={v.view === current ? 'page' : undefined}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
