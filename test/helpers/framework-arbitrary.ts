import fc from 'fast-check';
import type { RatingValue } from '../../shared/assessment/ratings';
import type { CriterionScope, Framework } from '../../shared/framework/schema';
import {
  buildFramework,
  type CriterionSpec,
  type DomainSpec,
  type RulesSpec,
} from './framework-builder';

const scopes: fc.Arbitrary<CriterionScope[]> = fc.constantFrom<CriterionScope[]>(
  ['link-worker'],
  ['activity'],
  ['link-worker', 'activity'],
);

const criterionSpec: fc.Arbitrary<CriterionSpec> = fc.record({
  level: fc.constantFrom<'essential' | 'developmental'>('essential', 'developmental'),
  appliesTo: scopes,
});

const domainSpec: fc.Arbitrary<DomainSpec> = fc.record({
  standards: fc.array(fc.array(criterionSpec, { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  }),
});

/** Thresholds anywhere in 0-100 (in half points), the conditional bar never above the accredited one. */
const percentPair = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }))
  .map(([a, b]) => [Math.min(a, b) / 2, Math.max(a, b) / 2] as const);

const rules: fc.Arbitrary<RulesSpec> = fc
  .record({
    partial: fc.integer({ min: 1, max: 99 }).map((n) => n / 100),
    overall: percentPair,
    domain: percentPair,
    maxEssentialPartiallyMet: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ partial, overall, domain, maxEssentialPartiallyMet }) => ({
    partial,
    conditional: {
      minOverallPercent: overall[0],
      minDomainPercent: domain[0],
      maxEssentialPartiallyMet,
    },
    accredited: { minOverallPercent: overall[1], minDomainPercent: domain[1] },
  }));

/** Frameworks of one to four domains, each of one to three standards of one to four criteria. */
export const frameworkArbitrary: fc.Arbitrary<Framework> = fc
  .tuple(fc.array(domainSpec, { minLength: 1, maxLength: 4 }), rules)
  .map(([domains, r]) => buildFramework(domains, r));

/** The most criteria frameworkArbitrary can make. */
export const MAX_CRITERIA = 4 * 3 * 4;

/** One rating per criterion position; null is "not yet rated". */
export const ratingSlots: fc.Arbitrary<(RatingValue | null)[]> = fc.array(
  fc.constantFrom<RatingValue | null>('met', 'partial', 'not-met', 'na', null),
  { minLength: MAX_CRITERIA, maxLength: MAX_CRITERIA },
);

export function ratingsFor(codes: readonly string[], slots: readonly (RatingValue | null)[]) {
  const map = new Map<string, RatingValue>();
  codes.forEach((code, i) => {
    const rating = slots[i];
    if (rating) map.set(code, rating);
  });
  return map;
}
