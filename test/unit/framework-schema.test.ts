import { describe, expect, it } from 'vitest';
import { frameworkSchema, parseFrameworkKey, type Framework } from '../../shared/framework/schema';
import { countFramework } from '../../shared/framework/traverse';
import { problemsFromZod, summariseProblems } from '../../shared/validation/issues';
import { buildFramework } from '../helpers/framework-builder';
import { nationalFrameworkJson } from '../helpers/frameworks';

function problemsOf(json: unknown) {
  const result = frameworkSchema.safeParse(json);
  if (result.success) throw new Error('expected the framework to be refused');
  return problemsFromZod(result.error);
}

function firstCriterion(framework: Framework) {
  const criterion = framework.domains[0]?.standards[0]?.criteria[0];
  if (!criterion) throw new Error('no first criterion');
  return criterion;
}

describe('the bundled national framework', () => {
  const result = frameworkSchema.safeParse(nationalFrameworkJson());

  it('passes the schema', () => {
    expect(result.success ? [] : problemsFromZod(result.error)).toEqual([]);
  });

  it('holds at least 12 standards and 45 criteria across the four areas and governance', () => {
    if (!result.success) throw new Error('schema failed');
    const counts = countFramework(result.data);
    expect(counts.standards).toBeGreaterThanOrEqual(12);
    expect(counts.criteria).toBeGreaterThanOrEqual(45);
    const codes = result.data.domains.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['LW', 'AS', 'RC', 'GS']));
  });

  it('scopes link worker practice to link workers, activities to activity providers and referral capacity to both', () => {
    if (!result.success) throw new Error('schema failed');
    const scopesOf = (code: string) =>
      new Set(
        result.data.domains
          .find((d) => d.code === code)
          ?.standards.flatMap((s) => s.criteria.map((c) => [...c.appliesTo].sort().join('+'))),
      );
    expect(scopesOf('LW')).toEqual(new Set(['link-worker']));
    expect(scopesOf('AS')).toEqual(new Set(['activity']));
    expect(scopesOf('RC')).toEqual(new Set(['activity+link-worker']));
    expect(scopesOf('GS')).toEqual(new Set(['activity+link-worker']));
  });

  it('has essential criteria and rules whose conditional bar is below the accredited one', () => {
    if (!result.success) throw new Error('schema failed');
    const levels = result.data.domains.flatMap((d) =>
      d.standards.flatMap((s) => s.criteria.map((c) => c.level)),
    );
    expect(levels).toContain('essential');
    expect(levels).toContain('developmental');
    const { accredited, conditional } = result.data.outcomeRules;
    expect(conditional.minOverallPercent).toBeLessThanOrEqual(accredited.minOverallPercent);
  });
});

describe('a broken framework', () => {
  it('is refused with the path of a bad criterion code', () => {
    const framework = nationalFrameworkJson();
    firstCriterion(framework).code = 'not a code';
    const problems = problemsOf(framework);
    const problem = problems.find((p) => p.path === 'domains[0].standards[0].criteria[0].code');
    expect(problem?.message).toMatch(/RC2\.3/);
    expect(summariseProblems(problems)).toMatch(
      /^domains\[0\]\.standards\[0\]\.criteria\[0\]\.code: /,
    );
  });

  it('names a missing field and an unexpected one', () => {
    const framework = nationalFrameworkJson() as unknown as Record<string, unknown>;
    delete framework.publisher;
    framework.colour = 'blue';
    const paths = problemsOf(framework).map((p) => p.path);
    expect(paths).toContain('publisher');
    expect(problemsOf(framework).some((p) => p.message.includes('colour'))).toBe(true);
  });

  it('names a criterion that applies to no provider type', () => {
    const framework = nationalFrameworkJson();
    firstCriterion(framework).appliesTo = [];
    expect(problemsOf(framework)).toContainEqual({
      path: 'domains[0].standards[0].criteria[0].appliesTo',
      message: 'a criterion must apply to at least one provider type',
    });
  });

  it('refuses a rating scale where partially met is worth as much as met', () => {
    const framework = nationalFrameworkJson();
    framework.outcomeRules.scoring.partial = 1;
    expect(problemsOf(framework).map((p) => p.path)).toContain('outcomeRules.scoring.partial');
  });

  it('refuses conditional thresholds stricter than the accredited ones', () => {
    const framework = buildFramework([{ standards: [[{}]] }], {
      accredited: { minOverallPercent: 70, minDomainPercent: 50 },
      conditional: { minOverallPercent: 75, minDomainPercent: 40, maxEssentialPartiallyMet: 1 },
    });
    expect(problemsOf(framework).map((p) => p.message)).toContain(
      'the conditional thresholds must not be stricter than the accredited ones',
    );
  });

  it('refuses a criterion code used twice, pointing at the second use', () => {
    const framework = buildFramework([{ standards: [[{}, {}]] }, { standards: [[{}]] }]);
    const second = framework.domains[0]?.standards[0]?.criteria[1];
    if (!second) throw new Error('no second criterion');
    second.code = 'AA1.1';
    const problems = problemsOf(framework);
    expect(problems).toContainEqual({
      path: 'domains[0].standards[0].criteria[1].code',
      message: 'code AA1.1 is used twice',
    });
    expect(problems.some((p) => p.path === 'domains[0].standards[0].criteria[0].code')).toBe(false);
  });

  it('refuses a domain or standard code used twice', () => {
    const framework = buildFramework([{ standards: [[{}]] }, { standards: [[{}]] }]);
    const [first, second] = framework.domains;
    if (!first || !second) throw new Error('two domains expected');
    second.code = first.code;
    const paths = problemsOf(framework).map((p) => p.path);
    expect(paths).toContain('domains[1].code');
    expect(paths).toContain('domains[1].standards[0].code');
  });

  it('refuses a criterion whose code is not prefixed by its standard', () => {
    const framework = buildFramework([{ standards: [[{}], [{}]] }]);
    const misplaced = framework.domains[0]?.standards[1]?.criteria[0];
    if (!misplaced) throw new Error('no criterion in the second standard');
    misplaced.code = 'AA3.1';
    expect(problemsOf(framework)).toContainEqual({
      path: 'domains[0].standards[1].criteria[0].code',
      message: 'criterion AA3.1 must start with its standard code AA2.',
    });
  });

  it('refuses a criterion that only shares the first digits of its standard (AA1 vs AA11.1)', () => {
    const framework = buildFramework([{ standards: [[{}]] }]);
    const criterion = firstCriterion(framework);
    criterion.code = 'AA11.1';
    expect(problemsOf(framework).map((p) => p.path)).toEqual([
      'domains[0].standards[0].criteria[0].code',
    ]);
  });

  it('refuses a standard not prefixed by its domain', () => {
    const framework = buildFramework([{ standards: [[{}]] }]);
    const standard = framework.domains[0]?.standards[0];
    if (!standard) throw new Error('no standard');
    standard.code = 'BB1';
    standard.criteria.forEach((c, i) => (c.code = `BB1.${i + 1}`));
    expect(problemsOf(framework)).toContainEqual({
      path: 'domains[0].standards[0].code',
      message: 'standard BB1 must start with its domain code AA',
    });
  });

  it('accepts what the builder makes, so the refusals above come from the change alone', () => {
    const framework = buildFramework([{ standards: [[{}, {}], [{}]] }, { standards: [[{}]] }]);
    expect(frameworkSchema.safeParse(framework).success).toBe(true);
  });
});

describe('framework keys', () => {
  it('reads id and id@version', () => {
    expect(parseFrameworkKey('spqa-national')).toEqual({ id: 'spqa-national', version: null });
    expect(parseFrameworkKey('spqa-national@1.2.0')).toEqual({
      id: 'spqa-national',
      version: '1.2.0',
    });
  });
});
