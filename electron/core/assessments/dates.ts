import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { isoToday, type Clock } from '../clock';

/**
 * The date evidence must be current on: today while the assessment is open, and the day it was
 * submitted once it is sealed (so a later expiry does not rewrite what was true at submission).
 */
export function assessmentDate(assessment: AssessmentSummary, clock: Clock): string {
  return assessment.submittedAt &&
    assessment.status !== 'in-progress' &&
    assessment.status !== 'draft'
    ? assessment.submittedAt.slice(0, 10)
    : isoToday(clock);
}
