import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { DomainChoices } from './CriteriaPicker';

/** The criteria an assessment asks, by domain, for choosing what evidence supports. */
export function domainChoices(detail: AssessmentDetail): DomainChoices[] {
  const asked = new Set(detail.applicableCodes);
  return detail.framework.domains
    .map((domain) => ({
      code: domain.code,
      title: domain.title,
      criteria: domain.standards.flatMap((standard) =>
        standard.criteria
          .filter((criterion) => asked.has(criterion.code))
          .map((criterion) => ({
            code: criterion.code,
            statement: criterion.statement,
            essential: criterion.level === 'essential',
          })),
      ),
    }))
    .filter((domain) => domain.criteria.length > 0);
}
