import { describe, expect, it } from 'vitest';
import type { CsvProblem } from '../../shared/contract/providers';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { coreWithSelfAssessment, rateCriterion } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';

const [dev1, dev2, dev3] = [0, 1, 2].map((i) =>
  nationalCode({ appliesTo: 'activity', level: 'developmental' }, i),
) as [string, string, string];
const essential = nationalCode({ appliesTo: 'activity', level: 'essential' });
const linkWorkerOnly = nationalCode({ appliesTo: 'link-worker', notFor: 'activity' });

describe('importing ratings from CSV', () => {
  it('applies every row, reading the words people type, with an audit entry each', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const csv = [
      'criterion,rating,note,reason',
      `${dev1},Met,"Policy reviewed in March, signed by the chair",`,
      `${dev2.toLowerCase()},partially met,,`,
      `${dev3},Not met,Not started,`,
      `${essential},N/A,,We do not work with children`,
    ].join('\r\n');
    const result = unwrap(
      await core.invoke('assessments.importRatings', { id: assessment.id, fileName: 'r.csv', csv }),
    );
    expect(result.applied).toBe(4);
    expect(result.readiness.rated).toBe(4);

    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    const byCode = new Map(detail.ratings.map((r) => [r.criterion, r]));
    expect(byCode.get(dev1)).toMatchObject({
      rating: 'met',
      note: 'Policy reviewed in March, signed by the chair',
    });
    expect(byCode.get(dev2)?.rating).toBe('partial');
    expect(byCode.get(dev3)).toMatchObject({ rating: 'not-met', note: 'Not started' });
    expect(byCode.get(essential)).toMatchObject({
      rating: 'na',
      reason: 'We do not work with children',
    });
    const rated = unwrap(await core.invoke('audit.list', { entityId: assessment.id, limit: 50 }))
      .filter((e) => e.action === 'assessment.rated')
      .map((e) => (e.detail as { criterion: string; importedFrom: string }).criterion);
    expect(rated.sort()).toEqual([dev1, dev2, dev3, essential].sort());
  });

  it('applies nothing if any row is bad, and names line, column and problem for each', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    await rateCriterion(core, assessment.id, dev1, 'not-met');
    const before = dumpDatabase(core.context.db);
    const csv = [
      'criterion,rating,note,reason',
      `${dev1},met,,`, // 2: fine on its own
      `${linkWorkerOnly},met,,`, // 3
      'ZZ9.9,partial,,', // 4
      `${dev2},brilliant,,`, // 5
      `${dev3},na,,`, // 6
      `${dev1},partial,,`, // 7: second rating of the same criterion
    ].join('\n');
    const error = failure(
      await core.invoke('assessments.importRatings', { id: assessment.id, fileName: 'r.csv', csv }),
      'invalid_input',
    );
    const problems = (error.details as { problems: CsvProblem[] }).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'criterion'],
      [4, 'criterion'],
      [5, 'rating'],
      [6, 'reason'],
      [7, 'criterion'],
    ]);
    expect(problems[0]?.message).toContain('does not apply to a provider of type');
    expect(problems[1]?.message).toContain('unknown criterion code "ZZ9.9"');
    expect(problems[2]?.message).toBe('"brilliant" is not met, partial, not-met or na');
    expect(problems[3]?.message).toContain('needs a reason');
    expect(problems[4]?.message).toBe(`${dev1} is also rated on line 2`);
    expect(error.message).toMatch(/^r\.csv: line 3, column criterion: .*; nothing was imported$/);
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses a control character in a note or reason, naming line and column (fuzzing found a NUL)', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const before = dumpDatabase(core.context.db);
    const csv = [
      'criterion,rating,note,reason',
      `${dev3},na,,\u0000`,
      `${dev1},met,bell\u0007,`,
    ].join('\n');
    const error = failure(
      await core.invoke('assessments.importRatings', { id: assessment.id, fileName: 'r.csv', csv }),
      'invalid_input',
    );
    const problems = (error.details as { problems: CsvProblem[] }).problems;
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 'reason', 'a reason contains a control character'],
      [3, 'note', 'a note contains a control character'],
    ]);
    expect(dumpDatabase(core.context.db)).toEqual(before);
    // The same refusal when rating one criterion at a time.
    expect(
      failure(
        await core.invoke('assessments.rate', {
          id: assessment.id,
          criterion: dev3,
          rating: 'na',
          reason: '\u0000',
        }),
        'invalid_input',
      ).message,
    ).toContain('a reason contains a control character');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses a file with the wrong columns or no rows, changing nothing', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const before = dumpDatabase(core.context.db);
    for (const csv of ['code,score\nX,met\n', 'criterion,rating\n', `criterion\n${dev1}\n`]) {
      failure(
        await core.invoke('assessments.importRatings', {
          id: assessment.id,
          fileName: 'r.csv',
          csv,
        }),
        'invalid_input',
      );
    }
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});
