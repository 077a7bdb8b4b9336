import type { Framework, OutcomeRules } from '../framework/schema';
import { applicableCriteria } from '../framework/traverse';
import type { ProviderType } from '../providers/vocabulary';
import type { Outcome, RatingValue } from './ratings';

export interface DomainReadiness {
  code: string;
  title: string;
  applicable: number;
  rated: number;
  met: number;
  partial: number;
  notMet: number;
  notApplicable: number;
  /** Share of the domain's applicable criteria with any rating. */
  progressPercent: number;
  /** Score over the criteria that count (everything but Not applicable); unrated counts as 0. */
  scorePercent: number;
}

export interface EssentialGap {
  code: string;
  statement: string;
  rating: RatingValue | null;
}

export interface Readiness {
  domains: DomainReadiness[];
  applicable: number;
  rated: number;
  progressPercent: number;
  scorePercent: number;
  essentialGaps: EssentialGap[];
  outcome: Outcome;
  /** Plain reasons the outcome is not higher, for the summary screen. */
  reasons: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function points(rating: RatingValue | null | undefined, rules: OutcomeRules): number {
  if (rating === 'met') return rules.scoring.met;
  if (rating === 'partial') return rules.scoring.partial;
  return 0;
}

/**
 * The readiness of an assessment as the framework's rules see it today. Pure: the same
 * framework, provider type and ratings always give the same answer.
 */
export function computeReadiness(
  framework: Framework,
  providerType: ProviderType,
  ratings: ReadonlyMap<string, RatingValue>,
): Readiness {
  const rules = framework.outcomeRules;
  const criteria = applicableCriteria(framework, providerType);
  const byDomain = new Map<string, DomainReadiness & { earned: number; counted: number }>();
  for (const domain of framework.domains) {
    byDomain.set(domain.code, {
      code: domain.code,
      title: domain.title,
      applicable: 0,
      rated: 0,
      met: 0,
      partial: 0,
      notMet: 0,
      notApplicable: 0,
      progressPercent: 0,
      scorePercent: 0,
      earned: 0,
      counted: 0,
    });
  }

  const essentialGaps: EssentialGap[] = [];
  let essentialPartial = 0;
  let essentialMissing = 0;
  for (const { criterion, domain } of criteria) {
    const acc = byDomain.get(domain.code);
    if (!acc) continue;
    const rating = ratings.get(criterion.code) ?? null;
    acc.applicable += 1;
    if (rating) acc.rated += 1;
    if (rating === 'met') acc.met += 1;
    if (rating === 'partial') acc.partial += 1;
    if (rating === 'not-met') acc.notMet += 1;
    if (rating === 'na') {
      acc.notApplicable += 1;
      continue;
    }
    acc.counted += 1;
    acc.earned += points(rating, rules);
    if (criterion.level === 'essential' && rating !== 'met') {
      essentialGaps.push({ code: criterion.code, statement: criterion.statement, rating });
      if (rating === 'partial') essentialPartial += 1;
      else essentialMissing += 1;
    }
  }

  let applicable = 0;
  let rated = 0;
  let earned = 0;
  let counted = 0;
  const domains: DomainReadiness[] = [];
  // Thresholds are compared with unrounded scores so 79.96% never passes an 80% bar.
  let lowestDomain = 100;
  const rawDomain = new Map<string, number>();
  for (const acc of byDomain.values()) {
    if (acc.applicable === 0) continue;
    applicable += acc.applicable;
    rated += acc.rated;
    earned += acc.earned;
    counted += acc.counted;
    const { earned: domainEarned, counted: domainCounted, ...rest } = acc;
    // A domain where everything is Not applicable cannot fail.
    const raw = domainCounted === 0 ? 100 : (100 * domainEarned) / domainCounted;
    rawDomain.set(acc.code, raw);
    lowestDomain = Math.min(lowestDomain, raw);
    domains.push({
      ...rest,
      progressPercent: round1((100 * acc.rated) / acc.applicable),
      scorePercent: round1(raw),
    });
  }
  const rawScore = counted === 0 ? 100 : (100 * earned) / counted;
  const scorePercent = round1(rawScore);

  const reasons: string[] = [];
  const accredited = rules.accredited;
  if (essentialGaps.length > 0) {
    const n = essentialGaps.length;
    reasons.push(
      n === 1 ? '1 essential criterion is not yet met' : `${n} essential criteria are not yet met`,
    );
  }
  if (rawScore < accredited.minOverallPercent) {
    reasons.push(`the overall score ${scorePercent}% is below ${accredited.minOverallPercent}%`);
  }
  for (const domain of domains) {
    if ((rawDomain.get(domain.code) ?? 0) < accredited.minDomainPercent) {
      reasons.push(
        `${domain.title} scores ${domain.scorePercent}%, below ${accredited.minDomainPercent}%`,
      );
    }
  }

  let outcome: Outcome;
  if (
    essentialGaps.length === 0 &&
    rawScore >= accredited.minOverallPercent &&
    lowestDomain >= accredited.minDomainPercent
  ) {
    outcome = 'accredited';
  } else if (
    essentialMissing === 0 &&
    essentialPartial <= rules.conditional.maxEssentialPartiallyMet &&
    rawScore >= rules.conditional.minOverallPercent &&
    lowestDomain >= rules.conditional.minDomainPercent
  ) {
    outcome = 'conditional';
  } else {
    outcome = 'not-accredited';
  }

  return {
    domains,
    applicable,
    rated,
    progressPercent: applicable === 0 ? 100 : round1((100 * rated) / applicable),
    scorePercent,
    essentialGaps,
    outcome,
    reasons,
  };
}
