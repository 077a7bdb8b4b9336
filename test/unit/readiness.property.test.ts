import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReadiness, type Readiness } from '../../shared/assessment/readiness';
import type { Outcome, RatingValue } from '../../shared/assessment/ratings';
import { frameworkSchema } from '../../shared/framework/schema';
import { allCriteria } from '../../shared/framework/traverse';
import { PROVIDER_TYPES } from '../../shared/providers/vocabulary';
import { withoutCriterion } from '../helpers/framework-builder';
import { frameworkArbitrary, ratingSlots, ratingsFor } from '../helpers/framework-arbitrary';

const OUTCOME_RANK: Record<Outcome, number> = {
  'not-accredited': 0,
  conditional: 1,
  accredited: 2,
};

/** Every strict step up the scale; not yet rated scores as Not met does. */
const RAISES: [RatingValue | null, RatingValue][] = [
  [null, 'partial'],
  [null, 'met'],
  ['not-met', 'partial'],
  ['not-met', 'met'],
  ['partial', 'met'],
];

const scenario = fc.record({
  framework: frameworkArbitrary,
  providerType: fc.constantFrom(...PROVIDER_TYPES),
  slots: ratingSlots,
  pick: fc.nat(),
});

const RUNS = { numRuns: 400 };

function domainScores(r: Readiness): Map<string, number> {
  return new Map(r.domains.map((d) => [d.code, d.scorePercent]));
}

describe('computeReadiness properties', () => {
  it('generates frameworks the schema accepts', () => {
    fc.assert(
      fc.property(frameworkArbitrary, (framework) => {
        expect(frameworkSchema.safeParse(framework).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('raising any one rating never lowers the overall score, a domain score or the outcome', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...RAISES), (s, [from, to]) => {
        const codes = allCriteria(s.framework).map((c) => c.criterion.code);
        const code = codes[s.pick % codes.length] as string;
        const before = ratingsFor(codes, s.slots);
        const after = new Map(before);
        if (from) before.set(code, from);
        else before.delete(code);
        after.set(code, to);

        const low = computeReadiness(s.framework, s.providerType, before);
        const high = computeReadiness(s.framework, s.providerType, after);
        expect(high.scorePercent).toBeGreaterThanOrEqual(low.scorePercent);
        const lowDomains = domainScores(low);
        for (const [domain, score] of domainScores(high)) {
          expect(score).toBeGreaterThanOrEqual(lowDomains.get(domain) ?? Infinity);
        }
        expect(OUTCOME_RANK[high.outcome]).toBeGreaterThanOrEqual(OUTCOME_RANK[low.outcome]);
        // A raise never opens a new essential gap either.
        const lowGaps = new Set(low.essentialGaps.map((g) => g.code));
        for (const gap of high.essentialGaps) expect(lowGaps.has(gap.code)).toBe(true);
      }),
      RUNS,
    );
  });

  it('raising every rating at once never lowers anything either', () => {
    fc.assert(
      fc.property(scenario, ratingSlots, (s, bumps) => {
        const codes = allCriteria(s.framework).map((c) => c.criterion.code);
        const before = ratingsFor(codes, s.slots);
        const after = new Map(before);
        const rank = (r: RatingValue | undefined) => (r === 'met' ? 2 : r === 'partial' ? 1 : 0);
        codes.forEach((code, i) => {
          const current = before.get(code);
          const bump = bumps[i];
          if (current === 'na' || !bump || bump === 'na') return;
          if (rank(bump) > rank(current)) after.set(code, bump);
        });
        const low = computeReadiness(s.framework, s.providerType, before);
        const high = computeReadiness(s.framework, s.providerType, after);
        expect(high.scorePercent).toBeGreaterThanOrEqual(low.scorePercent);
        expect(OUTCOME_RANK[high.outcome]).toBeGreaterThanOrEqual(OUTCOME_RANK[low.outcome]);
      }),
      RUNS,
    );
  });

  it('rating a criterion Not applicable scores exactly as if the framework did not have it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const codes = allCriteria(s.framework).map((c) => c.criterion.code);
        const code = codes[s.pick % codes.length] as string;
        const ratings = ratingsFor(codes, s.slots);
        ratings.set(code, 'na');

        const withNa = computeReadiness(s.framework, s.providerType, ratings);
        const without = computeReadiness(
          withoutCriterion(s.framework, code),
          s.providerType,
          ratings,
        );
        expect(withNa.scorePercent).toBe(without.scorePercent);
        expect(withNa.outcome).toBe(without.outcome);
        expect(withNa.essentialGaps).toEqual(without.essentialGaps);
        expect(withNa.reasons).toEqual(without.reasons);
        const naDomains = domainScores(withNa);
        for (const [domain, score] of domainScores(without)) {
          expect(naDomains.get(domain)).toBe(score);
        }
        // A domain that only the Not applicable criterion kept alive cannot fail.
        for (const [domain, score] of naDomains) {
          if (!domainScores(without).has(domain)) expect(score).toBe(100);
        }
      }),
      RUNS,
    );
  });

  it('keeps every percentage between 0 and 100, and progress counts each answered criterion', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const codes = allCriteria(s.framework).map((c) => c.criterion.code);
        const r = computeReadiness(s.framework, s.providerType, ratingsFor(codes, s.slots));
        for (const value of [
          r.scorePercent,
          r.progressPercent,
          ...r.domains.flatMap((d) => [d.scorePercent, d.progressPercent]),
        ]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        expect(r.rated).toBe(
          r.domains.reduce((n, d) => n + d.met + d.partial + d.notMet + d.notApplicable, 0),
        );
        expect(r.applicable).toBe(r.domains.reduce((n, d) => n + d.applicable, 0));
      }),
      RUNS,
    );
  });

  it('gives 100% and Accredited when every applicable criterion is met', () => {
    fc.assert(
      fc.property(frameworkArbitrary, fc.constantFrom(...PROVIDER_TYPES), (framework, type) => {
        const all = new Map(allCriteria(framework).map((c) => [c.criterion.code, 'met' as const]));
        const r = computeReadiness(framework, type, all);
        expect(r.scorePercent).toBe(100);
        expect(r.outcome).toBe('accredited');
      }),
      { numRuns: 100 },
    );
  });
});
