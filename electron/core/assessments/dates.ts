import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { isoToday, type Clock } from '../clock';

/**
 * The date evidence must be current on: today while the assessment is open. (Once submitted,
 * the submission date; see the sealing of external assessments.)
 */
export function assessmentDate(_assessment: AssessmentSummary, clock: Clock): string {
  return isoToday(clock);
}
