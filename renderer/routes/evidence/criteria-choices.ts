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

/** The domain a criterion sits in, for linking to its place on the rating screen. */
export function domainOf(detail: AssessmentDetail, code: string): string | undefined {
  return detail.framework.domains.find((d) =>
    d.standards.some((s) => s.criteria.some((c) => c.code === code)),
  )?.code;
}
