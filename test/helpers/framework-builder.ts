import type { CriterionScope, Framework, OutcomeRules } from '../../shared/framework/schema';

export interface CriterionSpec {
  level?: 'essential' | 'developmental';
  appliesTo?: CriterionScope[];
}

/** A domain as lists of standards, each a list of criteria. */
export interface DomainSpec {
  code?: string;
  standards: CriterionSpec[][];
}

export interface RulesSpec {
  partial?: number;
  accredited?: { minOverallPercent: number; minDomainPercent: number };
  conditional?: {
    minOverallPercent: number;
    minDomainPercent: number;
    maxEssentialPartiallyMet: number;
  };
}

const DOMAIN_CODES = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF'];

/**
 * A small framework that passes the schema, built from its shape: domain AA holds standards
 * AA1, AA2 ..., each holding criteria AA1.1, AA1.2 .... Criteria are developmental and apply
 * to both provider types unless the spec says otherwise.
 */
export function buildFramework(domains: DomainSpec[], rules: RulesSpec = {}): Framework {
  const outcomeRules: OutcomeRules = {
    scoring: { met: 1, partial: rules.partial ?? 0.5 },
    accredited: rules.accredited ?? { minOverallPercent: 80, minDomainPercent: 60 },
    conditional: rules.conditional ?? {
      minOverallPercent: 60,
      minDomainPercent: 40,
      maxEssentialPartiallyMet: 3,
    },
    validityYears: 3,
    conditionsDueWithinDays: 90,
    maxSuspensionMonths: 6,
  };
  return {
    id: 'test-framework',
    version: '1.0.0',
    title: 'Test framework',
    publisher: 'Test suite',
    publishedOn: '2024-01-01',
    summary: 'A framework built by the tests.',
    outcomeRules,
    domains: domains.map((domain, d) => {
      const code = domain.code ?? DOMAIN_CODES[d] ?? `Z${String.fromCharCode(65 + d)}`;
      return {
        code,
        title: `Domain ${code}`,
        summary: `What domain ${code} covers.`,
        standards: domain.standards.map((criteria, s) => ({
          code: `${code}${s + 1}`,
          title: `Standard ${code}${s + 1}`,
          intent: `Why standard ${code}${s + 1} matters.`,
          criteria: criteria.map((spec, c) => ({
            code: `${code}${s + 1}.${c + 1}`,
            statement: `Criterion ${code}${s + 1}.${c + 1} is in place.`,
            guidance: 'Look for it in practice.',
            evidenceExamples: ['a written policy'],
            level: spec.level ?? 'developmental',
            appliesTo: spec.appliesTo ?? ['link-worker', 'activity'],
          })),
        })),
      };
    }),
  };
}

/** The framework without one criterion; standards and domains left empty are dropped too. */
export function withoutCriterion(framework: Framework, code: string): Framework {
  return {
    ...framework,
    domains: framework.domains
      .map((domain) => ({
        ...domain,
        standards: domain.standards
          .map((standard) => ({
            ...standard,
            criteria: standard.criteria.filter((c) => c.code !== code),
          }))
          .filter((standard) => standard.criteria.length > 0),
      }))
      .filter((domain) => domain.standards.length > 0),
  };
}
