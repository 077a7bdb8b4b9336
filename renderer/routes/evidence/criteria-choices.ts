import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { DomainChoices } from './CriteriaPicker';

/** The criteria an assessment asks, by domain, for choosing what evidence supports. */
export function domainChoices(detail: AssessmentDetail): DomainChoices[] {
  const asked = new Set(detail.applicableCodes);
  return detail.framework.domains
    .map((d) => ({
      code: d.code,
      title: d.title,
      criteria: d.standards.flatMap((s) =>
        s.criteria
          .filter((c) => asked.has(c.code))
          .map((c) => ({
            code: c.code,
            statement: c.statement,
            essential: c.level === 'essential',
          })),
      ),
    }))
    .filter((d) => d.criteria.length > 0);
}
