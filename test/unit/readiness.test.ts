import { describe, expect, it } from 'vitest';
import { computeReadiness } from '../../shared/assessment/readiness';
import type { RatingValue } from '../../shared/assessment/ratings';
import { frameworkSchema, type Framework } from '../../shared/framework/schema';
import { buildFramework, type RulesSpec } from '../helpers/framework-builder';
import { criterionCodes, nationalFrameworkJson } from '../helpers/frameworks';

const ratings = (entries: Record<string, RatingValue>) => new Map(Object.entries(entries));

/** The readiness of a provider of both types with the ratings given. */
const readinessOf = (framework: Framework, entries: Record<string, RatingValue>) =>
  computeReadiness(framework, 'both', ratings(entries));

function domain(readiness: ReturnType<typeof computeReadiness>, code: string) {
  const found = readiness.domains.find((d) => d.code === code);
  if (!found) throw new Error(`no domain ${code} in the readiness`);
  return found;
}

describe('scores and progress', () => {
  // AA: four developmental criteria; BB: two.
  const framework = buildFramework([{ standards: [[{}, {}, {}, {}]] }, { standards: [[{}, {}]] }]);

  it('scores Met as 1, Partially met as the framework weight, Not met and unrated as 0', () => {
    const readiness = readinessOf(framework, {
      'AA1.1': 'met',
      'AA1.2': 'partial',
      'AA1.3': 'not-met',
      'BB1.1': 'met',
      'BB1.2': 'met',
    });
    const aa = domain(readiness, 'AA');
    expect(aa).toMatchObject({ applicable: 4, rated: 3, met: 1, partial: 1, notMet: 1 });
    expect(aa.scorePercent).toBe(37.5); // (1 + 0.5 + 0 + 0) / 4
    expect(aa.progressPercent).toBe(75);
    expect(domain(readiness, 'BB').scorePercent).toBe(100);
    expect(readiness.scorePercent).toBe(58.3); // 3.5 / 6, to one decimal place
    expect(readiness.progressPercent).toBe(83.3); // 5 of 6 rated
    expect(readiness).toMatchObject({ applicable: 6, rated: 5 });
  });

  it('uses the partial weight the framework sets', () => {
    const heavier = buildFramework([{ standards: [[{}, {}]] }], { partial: 0.75 });
    const readiness = readinessOf(heavier, { 'AA1.1': 'partial', 'AA1.2': 'met' });
    expect(readiness.scorePercent).toBe(87.5);
  });

  it('leaves Not applicable out of the score but counts it as answered', () => {
    const readiness = readinessOf(framework, {
      'AA1.1': 'met',
      'AA1.2': 'na',
      'AA1.3': 'na',
      'AA1.4': 'partial',
    });
    const aa = domain(readiness, 'AA');
    expect(aa.scorePercent).toBe(75); // (1 + 0.5) / 2
    expect(aa).toMatchObject({ rated: 4, notApplicable: 2, progressPercent: 100 });
  });

  it('scores a domain where everything is Not applicable as 100, so it cannot fail', () => {
    const readiness = readinessOf(framework, {
      'BB1.1': 'na',
      'BB1.2': 'na',
      'AA1.1': 'met',
      'AA1.2': 'met',
      'AA1.3': 'met',
      'AA1.4': 'met',
    });
    expect(domain(readiness, 'BB').scorePercent).toBe(100);
    expect(readiness.scorePercent).toBe(100);
    expect(readiness.outcome).toBe('accredited');
  });

  it('counts nothing rated as 0% with 0% progress', () => {
    const readiness = computeReadiness(framework, 'both', new Map());
    expect(readiness).toMatchObject({
      scorePercent: 0,
      progressPercent: 0,
      rated: 0,
      applicable: 6,
    });
    expect(readiness.domains.map((d) => d.scorePercent)).toEqual([0, 0]);
    expect(readiness.outcome).toBe('not-accredited');
  });

  it('ignores ratings of codes that are not applicable to the provider type or not in the framework', () => {
    const scoped = buildFramework([
      { standards: [[{ appliesTo: ['link-worker'] }, { appliesTo: ['activity'] }]] },
    ]);
    const base = computeReadiness(scoped, 'activity', ratings({ 'AA1.2': 'met' }));
    const noisy = computeReadiness(
      scoped,
      'activity',
      ratings({ 'AA1.2': 'met', 'AA1.1': 'not-met', 'ZZ9.9': 'not-met' }),
    );
    expect(noisy).toEqual(base);
    expect(base).toMatchObject({ applicable: 1, scorePercent: 100 });
  });
});

describe('the national framework by provider type', () => {
  const framework = frameworkSchema.parse(nationalFrameworkJson());
  const codes = criterionCodes(framework);

  it('asks each type only the criteria that apply to it', () => {
    for (const type of ['link-worker', 'activity'] as const) {
      const readiness = computeReadiness(framework, type, new Map());
      expect(readiness.applicable).toBe(codes.filter((c) => c.appliesTo.includes(type)).length);
    }
    expect(computeReadiness(framework, 'both', new Map()).applicable).toBe(codes.length);
  });

  it('leaves link worker practice out for an activity provider and activities out for a link worker service', () => {
    expect(
      computeReadiness(framework, 'activity', new Map()).domains.map((d) => d.code),
    ).not.toContain('LW');
    expect(
      computeReadiness(framework, 'link-worker', new Map()).domains.map((d) => d.code),
    ).not.toContain('AS');
    expect(computeReadiness(framework, 'both', new Map()).domains.map((d) => d.code)).toEqual(
      framework.domains.map((d) => d.code),
    );
  });

  it('gives 100% and Accredited when every applicable criterion is met', () => {
    const all = new Map(codes.map((c) => [c.code, 'met' as const]));
    for (const type of ['link-worker', 'activity', 'both'] as const) {
      const readiness = computeReadiness(framework, type, all);
      expect(readiness).toMatchObject({
        scorePercent: 100,
        progressPercent: 100,
        outcome: 'accredited',
      });
      expect(readiness.essentialGaps).toEqual([]);
      expect(readiness.reasons).toEqual([]);
    }
  });
});

describe('essential criteria not met', () => {
  const framework = buildFramework([
    {
      standards: [
        [{ level: 'essential' }, { level: 'essential' }, { level: 'essential' }],
        [{ level: 'essential' }, { level: 'essential' }, {}],
      ],
    },
  ]);

  it('lists every essential criterion not met, with its rating, in framework order', () => {
    const readiness = readinessOf(framework, {
      'AA1.1': 'met',
      'AA1.2': 'partial',
      'AA2.1': 'not-met',
      'AA2.2': 'na',
      'AA2.3': 'not-met',
    });
    expect(readiness.essentialGaps.map((g) => [g.code, g.rating])).toEqual([
      ['AA1.2', 'partial'],
      ['AA1.3', null],
      ['AA2.1', 'not-met'],
    ]);
    expect(readiness.essentialGaps[0]?.statement).toBe(
      framework.domains[0]?.standards[0]?.criteria[1]?.statement,
    );
    expect(readiness.reasons[0]).toBe('3 essential criteria are not yet met');
  });

  it('speaks of one essential criterion in the singular', () => {
    const readiness = readinessOf(framework, {
      'AA1.1': 'met',
      'AA1.2': 'met',
      'AA1.3': 'met',
      'AA2.1': 'not-met',
      'AA2.2': 'met',
    });
    expect(readiness.reasons[0]).toBe('1 essential criterion is not yet met');
  });
});

describe('the recommended outcome', () => {
  const rules: RulesSpec = {
    accredited: { minOverallPercent: 80, minDomainPercent: 60 },
    conditional: { minOverallPercent: 60, minDomainPercent: 40, maxEssentialPartiallyMet: 1 },
  };
  // AA: five criteria, the first two essential; BB: five developmental criteria.
  const framework = buildFramework(
    [
      { standards: [[{ level: 'essential' }, { level: 'essential' }, {}, {}, {}]] },
      { standards: [[{}, {}, {}, {}, {}]] },
    ],
    rules,
  );
  const codesOf = (d: string) => [1, 2, 3, 4, 5].map((n) => `${d}1.${n}`);
  const allMet = () =>
    new Map<string, RatingValue>([...codesOf('AA'), ...codesOf('BB')].map((c) => [c, 'met']));
  const outcome = (changes: Record<string, RatingValue | null>) => {
    const map = allMet();
    for (const [code, rating] of Object.entries(changes)) {
      if (rating) map.set(code, rating);
      else map.delete(code);
    }
    return computeReadiness(framework, 'both', map);
  };

  it('is Accredited when every bar is cleared, including exactly on the overall bar', () => {
    expect(outcome({}).outcome).toBe('accredited');
    const onTheBar = outcome({ 'BB1.1': 'not-met', 'BB1.2': 'not-met' }); // 8/10 = 80%, BB 60%
    expect(onTheBar.scorePercent).toBe(80);
    expect(domain(onTheBar, 'BB').scorePercent).toBe(60);
    expect(onTheBar.outcome).toBe('accredited');
  });

  it('is Accredited with conditions when one domain is below its bar but above the conditional one', () => {
    const readiness = outcome({ 'BB1.1': 'not-met', 'BB1.2': 'not-met', 'BB1.3': 'partial' }); // BB 50%
    expect(domain(readiness, 'BB').scorePercent).toBe(50);
    expect(readiness.outcome).toBe('conditional');
    expect(readiness.reasons).toContain('Domain BB scores 50%, below 60%');
  });

  it('is Accredited with conditions when essential criteria are only partially met, up to the limit', () => {
    expect(outcome({ 'AA1.1': 'partial' }).outcome).toBe('conditional');
    expect(outcome({ 'AA1.1': 'partial', 'AA1.2': 'partial' }).outcome).toBe('not-accredited');
  });

  it('is Not yet accredited while any essential criterion is not met or not rated, however high the score', () => {
    const notMet = outcome({ 'AA1.1': 'not-met' });
    expect(notMet.scorePercent).toBe(90);
    expect(notMet.outcome).toBe('not-accredited');
    expect(outcome({ 'AA1.2': null }).outcome).toBe('not-accredited');
  });

  it('does not count an essential criterion rated Not applicable as a gap', () => {
    const readiness = outcome({ 'AA1.1': 'na' });
    expect(readiness.essentialGaps).toEqual([]);
    expect(readiness.outcome).toBe('accredited');
  });

  it('is Not yet accredited below the conditional overall or domain bar', () => {
    const low = outcome({
      'AA1.3': 'not-met',
      'AA1.4': 'not-met',
      'AA1.5': 'not-met',
      'BB1.1': 'not-met',
      'BB1.2': 'not-met',
    });
    expect(low.scorePercent).toBe(50);
    expect(low.outcome).toBe('not-accredited');
    const lowDomain = outcome({
      'BB1.1': 'not-met',
      'BB1.2': 'not-met',
      'BB1.3': 'not-met',
      'BB1.4': 'partial',
    }); // BB 30%
    expect(lowDomain.scorePercent).toBe(65);
    expect(lowDomain.outcome).toBe('not-accredited');
  });

  it('compares unrounded scores with the bars, so 99.96% does not pass a 100% bar', () => {
    const strict = buildFramework([{ standards: [[{}, {}, {}, {}, {}]] }], {
      partial: 0.998,
      accredited: { minOverallPercent: 100, minDomainPercent: 0 },
      conditional: { minOverallPercent: 0, minDomainPercent: 0, maxEssentialPartiallyMet: 0 },
    });
    const readiness = readinessOf(strict, {
      'AA1.1': 'met',
      'AA1.2': 'met',
      'AA1.3': 'met',
      'AA1.4': 'met',
      'AA1.5': 'partial',
    });
    expect(readiness.scorePercent).toBe(100); // 99.96 shown to one decimal place
    expect(readiness.outcome).toBe('conditional');
  });
});
