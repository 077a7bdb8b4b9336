import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { CsvProblem } from '../../shared/contract/providers';
import { failure, manualClock, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { coreWithSelfAssessment, rateCriterion, startSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const [essential, otherEssential] = [0, 1].map((i) =>
  nationalCode({ appliesTo: 'activity', level: 'essential' }, i),
) as [string, string];
const developmental = nationalCode({ appliesTo: 'activity', level: 'developmental' });

interface Dates {
  effectiveDate?: string;
  expiryDate?: string;
}

async function setUp() {
  const clock = manualClock('2025-03-10T09:00:00.000Z');
  const { core, assessment } = await coreWithSelfAssessment({ clock });
  const sources = tempDir('spqa-sources-');
  let n = 0;
  /** Adds a small file of its own as evidence for the criteria, dated as asked. */
  const addEvidence = async (
    criteria: string[],
    dates: Dates = {},
    assessmentId = assessment.id,
  ) => {
    n += 1;
    const path = writeTempFile(sources, `evidence-${n}.txt`, `evidence number ${n}`);
    const [record] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId,
        criteria,
        sources: [{ kind: 'path', path }],
        metadata: dates,
      }),
    );
    if (!record) throw new Error('no record');
    return record;
  };
  const rateMet = (criterion: string, overrideReason?: string) =>
    core.invoke('assessments.rate', {
      id: assessment.id,
      criterion,
      rating: 'met',
      ...(overrideReason === undefined ? {} : { overrideReason }),
    });
  return { clock, core, assessment, addEvidence, rateMet };
}

/** Rating Met is refused with the evidence rule, and nothing at all changes. */
async function expectEvidenceRequired(core: Core, attempt: () => ReturnType<Core['invoke']>) {
  const before = dumpDatabase(core.context.db);
  const error = failure(await attempt(), 'invalid_input');
  expect(error.details).toMatchObject({ rule: 'evidence_required', field: 'overrideReason' });
  expect(dumpDatabase(core.context.db)).toEqual(before);
  return error;
}

describe('rating an essential criterion Met needs current evidence', () => {
  it('refuses Met with no evidence at all, naming the criterion and the date', async () => {
    const { core, rateMet } = await setUp();
    const error = await expectEvidenceRequired(core, () => rateMet(essential));
    expect(error.message).toBe(
      `${essential} is essential: rating it Met needs at least one piece of evidence current on 2025-03-10, or an override reason`,
    );
  });

  it('refuses Met when the only evidence has expired or is not yet in force', async () => {
    const { core, addEvidence, rateMet } = await setUp();
    await addEvidence([essential], { expiryDate: '2025-03-09' });
    await addEvidence([essential], { effectiveDate: '2025-03-11' });
    await addEvidence([essential], { effectiveDate: '2024-01-01', expiryDate: '2025-02-28' });
    await expectEvidenceRequired(core, () => rateMet(essential));
  });

  it('does not count evidence for another criterion, another assessment, or evidence removed', async () => {
    const { core, assessment, addEvidence, rateMet } = await setUp();
    await addEvidence([otherEssential]);
    const other = await startSelfAssessment(core, 'activity', 'Another Group');
    await addEvidence([essential], {}, other.assessment.id);
    const removed = await addEvidence([essential]);
    unwrap(await core.invoke('evidence.remove', { id: removed.id, reason: 'Wrong document' }));
    await expectEvidenceRequired(core, () => rateMet(essential));
    // Partly met and not met never need evidence.
    for (const rating of ['partial', 'not-met'] as const) {
      unwrap(
        await core.invoke('assessments.rate', { id: assessment.id, criterion: essential, rating }),
      );
    }
  });

  it('allows Met with evidence current on the date, including on its expiry date', async () => {
    const { core, assessment, addEvidence, rateMet } = await setUp();
    await addEvidence([essential, otherEssential], {
      effectiveDate: '2025-03-10',
      expiryDate: '2025-03-10',
    });
    const rated = unwrap(await rateMet(essential));
    expect(rated.rating).toMatchObject({
      criterion: essential,
      rating: 'met',
      overrideReason: null,
    });
    unwrap(await rateMet(otherEssential));
    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(
      detail.ratings
        .filter((r) => r.rating === 'met')
        .map((r) => r.criterion)
        .sort(),
    ).toEqual([essential, otherEssential].sort());
  });

  it('judges on the assessment date as the clock moves', async () => {
    const { clock, core, assessment, addEvidence, rateMet } = await setUp();
    await addEvidence([essential], { effectiveDate: '2025-04-01', expiryDate: '2025-06-30' });
    await expectEvidenceRequired(core, () => rateMet(essential));
    clock.set('2025-04-01T08:00:00.000Z');
    unwrap(await rateMet(essential));
    clock.set('2025-06-30T23:59:59.000Z');
    unwrap(await rateMet(essential));
    clock.set('2025-07-01T00:00:00.000Z');
    await rateCriterion(core, assessment.id, essential, null);
    const error = await expectEvidenceRequired(core, () => rateMet(essential));
    expect(error.message).toContain('current on 2025-07-01');
  });

  it('allows Met with an override reason, which is stored, returned and audited', async () => {
    const { core, assessment, rateMet } = await setUp();
    const reason = 'Seen the signed policy on the visit; the scan follows next week';
    const rated = unwrap(await rateMet(essential, `  ${reason}  `));
    expect(rated.rating).toMatchObject({
      criterion: essential,
      rating: 'met',
      overrideReason: reason,
    });
    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(detail.ratings.find((r) => r.criterion === essential)?.overrideReason).toBe(reason);
    expect(
      core.context.db
        .prepare('SELECT override_reason FROM ratings WHERE assessment_id = ? AND criterion = ?')
        .pluck()
        .get(assessment.id, essential),
    ).toBe(reason);
    const audit = unwrap(await core.invoke('audit.list', { entityId: assessment.id, limit: 20 }));
    const entry = audit.find((e) => e.action === 'assessment.rated');
    expect(entry?.detail).toMatchObject({ criterion: essential, overrideReason: reason });
  });

  it('does not take a blank override reason as a reason', async () => {
    const { core, rateMet } = await setUp();
    await expectEvidenceRequired(core, () => rateMet(essential, '   '));
  });

  it('drops the override reason when the rating moves off Met', async () => {
    const { core, assessment, rateMet } = await setUp();
    unwrap(await rateMet(essential, 'Checked in person'));
    const rated = await rateCriterion(core, assessment.id, essential, 'partial');
    expect(rated.rating).toMatchObject({ rating: 'partial', overrideReason: null });
  });

  it('never needs evidence to rate a developmental criterion Met', async () => {
    const { rateMet } = await setUp();
    const rated = unwrap(await rateMet(developmental));
    expect(rated.rating).toMatchObject({
      criterion: developmental,
      rating: 'met',
      overrideReason: null,
    });
  });
});

describe('the ratings CSV import applies the same rule', () => {
  const csvOf = (...rows: string[]) =>
    ['criterion,rating,note,reason,override_reason', ...rows].join('\n');

  it('refuses the whole file when an essential Met has no current evidence, changing nothing', async () => {
    const { core, assessment } = await setUp();
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await core.invoke('assessments.importRatings', {
        id: assessment.id,
        fileName: 'ratings.csv',
        csv: csvOf(`${developmental},met,,,`, `${essential},met,,,`),
      }),
      'invalid_input',
    );
    const problems = (error.details as { problems: CsvProblem[] }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 'override_reason' });
    expect(problems[0]?.message).toContain(`${essential} is essential`);
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses it on old columns too (no override_reason column at all)', async () => {
    const { core, assessment } = await setUp();
    const before = dumpDatabase(core.context.db);
    failure(
      await core.invoke('assessments.importRatings', {
        id: assessment.id,
        fileName: 'ratings.csv',
        csv: `criterion,rating\n${essential},met\n`,
      }),
      'invalid_input',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('applies an essential Met that has current evidence or an override reason, storing the reason', async () => {
    const { core, assessment, addEvidence } = await setUp();
    await addEvidence([otherEssential], { expiryDate: '2025-12-31' });
    const result = unwrap(
      await core.invoke('assessments.importRatings', {
        id: assessment.id,
        fileName: 'ratings.csv',
        csv: csvOf(
          `${essential},met,,,"Insurer's letter seen, certificate to follow"`,
          `${otherEssential},met,,,`,
          `${developmental},met,,,`,
        ),
      }),
    );
    expect(result.applied).toBe(3);
    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    const byCode = new Map(detail.ratings.map((r) => [r.criterion, r]));
    expect(byCode.get(essential)).toMatchObject({
      rating: 'met',
      overrideReason: "Insurer's letter seen, certificate to follow",
    });
    expect(byCode.get(otherEssential)).toMatchObject({ rating: 'met', overrideReason: null });
    expect(byCode.get(developmental)).toMatchObject({ rating: 'met', overrideReason: null });
  });
});
