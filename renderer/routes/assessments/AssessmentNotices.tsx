import { Link } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { formatDate } from '../../components/labels';
import type { SelfView } from '../accreditation/use-external-context';

/**
 * What to know before rating: that a declared conflict blocks the assessment, or, on an external
 * assessment, what the provider's own self-assessment beside each criterion is.
 */
export function AssessmentNotices({
  assessment,
  self,
}: {
  assessment: AssessmentSummary;
  self: SelfView | null | undefined;
}) {
  if (assessment.conflict)
    return (
      <div className="notice notice-error" id="blocked-notice">
        <p>
          <strong>This assessment is blocked.</strong> {assessment.assessor} declared a conflict of
          interest: “{assessment.conflict}”. It cannot be rated, submitted or decided. An assessor
          with no conflict needs to start a new external assessment of {assessment.providerName}.
        </p>
      </div>
    );
  if (assessment.kind !== 'external') return null;
  return (
    <p className="notice notice-info">
      {assessment.basedOn
        ? `Your ratings start empty. Beside each criterion you see ${assessment.providerName}’s own rating and evidence from its self-assessment${self ? ` started ${formatDate(self.startedAt)}` : ''}, read-only.`
        : 'This assessment is not based on a self-assessment, so there are no self-ratings to compare.'}
    </p>
  );
}

/** A submitted (or decided) assessment's ratings are sealed; an external one can be revised. */
export function SealedNotice({ assessment }: { assessment: AssessmentSummary }) {
  return (
    <p className="notice notice-info">
      This assessment is {assessment.status} and sealed; ratings can no longer change.
      {assessment.kind === 'external' ? (
        <>
          {' '}
          <Link to={`/assessments/${assessment.id}/submit`}>Open a new revision</Link> to change it.
        </>
      ) : null}
    </p>
  );
}
