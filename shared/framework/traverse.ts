import type { Criterion, Domain, Framework, Standard } from './schema';
import type { ProviderType } from '../providers/vocabulary';

export interface LocatedCriterion {
  criterion: Criterion;
  standard: Standard;
  domain: Domain;
}

export function allCriteria(framework: Framework): LocatedCriterion[] {
  const out: LocatedCriterion[] = [];
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      for (const criterion of standard.criteria) out.push({ criterion, standard, domain });
    }
  }
  return out;
}

export function criterionAppliesTo(criterion: Criterion, providerType: ProviderType): boolean {
  if (providerType === 'both') return true;
  return criterion.appliesTo.includes(providerType);
}

/** The criteria a provider of this type is asked, in framework order. */
export function applicableCriteria(
  framework: Framework,
  providerType: ProviderType,
): LocatedCriterion[] {
  return allCriteria(framework).filter((c) => criterionAppliesTo(c.criterion, providerType));
}

export function findCriterion(framework: Framework, code: string): LocatedCriterion | undefined {
  return allCriteria(framework).find((c) => c.criterion.code === code);
}

export function countFramework(framework: Framework): {
  domains: number;
  standards: number;
  criteria: number;
} {
  let standards = 0;
  let criteria = 0;
  for (const domain of framework.domains) {
    standards += domain.standards.length;
    for (const s of domain.standards) criteria += s.criteria.length;
  }
  return { domains: framework.domains.length, standards, criteria };
}
