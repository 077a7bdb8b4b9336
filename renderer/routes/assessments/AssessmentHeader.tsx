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
        {a.frameworkVersion} ·{' '}
        {a.conflict ? 'Blocked by a conflict of interest' : statusLabel(a.status)}
        {a.kind === 'external' && a.assessor ? <> · assessor {a.assessor}</> : null}
        {a.revision > 1 ? <> · revision {a.revision}</> : null}
      </p>
      <div className="button-row">
        <ExportBundleButton assessment={a} />
      </div>
      <nav aria-label="Assessment views" className="tabs">
        <ul>
          {(a.kind === 'external' ? EXTERNAL_VIEWS : VIEWS).map((v) => (
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
