import type { Ref } from 'react';
import { Link } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { Provider } from '../../../shared/providers/schema';

/** The assessment just started is blocked by the conflict its assessor declared; what now. */
export function BlockedOutcome({
  assessment,
  provider,
  headingRef,
}: {
  assessment: AssessmentSummary;
  provider: Provider;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <>
      <div className="notice notice-error blocked-outcome">
        <h2 tabIndex={-1} ref={headingRef}>
          Assessment blocked by a conflict of interest
        </h2>
        <p>
          {assessment.assessor} declared a conflict of interest, so cannot assess {provider.name}.
        </p>
        <p className="pre-line">
          <strong>Declared:</strong> {assessment.conflict}
        </p>
        <p>
          The declaration is recorded with the assessment, which stays blocked: it cannot be rated,
          submitted or decided. Ask an assessor who has not advised {provider.name} in the past two
          years to start a new external assessment.
        </p>
      </div>
      <div className="button-row">
        <Link className="button" to={`/providers/${provider.id}`}>
          Back to {provider.name}
        </Link>
        <Link className="button secondary" to={`/assessments/${assessment.id}`}>
          See the blocked assessment
        </Link>
      </div>
    </>
  );
}
