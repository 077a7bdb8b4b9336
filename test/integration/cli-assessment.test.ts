import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import type { Readiness } from '../../shared/assessment/readiness';
import type { Provider } from '../../shared/providers/schema';
import { spqa, spqaJson } from '../helpers/cli';
import { addProviderArgs, rateArgs, startSelfArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { dumpDatabaseFile } from '../helpers/db-dump';
import { nationalCode, nationalCodes, NATIONAL_ID, NATIONAL_VERSION } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const [dev1, dev2] = [0, 1].map((i) =>
  nationalCode({ appliesTo: 'activity', level: 'developmental' }, i),
) as [string, string];
const essential = nationalCode({ appliesTo: 'activity', level: 'essential' });
const linkWorkerOnly = nationalCode({ appliesTo: 'link-worker', notFor: 'activity' });

interface Shown {
  assessment: AssessmentSummary;
  ratings: { criterion: string; rating: string; note: string | null; reason: string | null }[];
  domains: Readiness['domains'];
  essentialNotMet: Readiness['essentialGaps'];
  recommendedOutcome: string;
}

describe('spqa assessment', () => {
  let dataDir: string;
  let providerId: string;
  let assessmentId: string;

  beforeAll(() => {
    dataDir = tempDir();
    const provider = spqaJson<Provider>(
      dataDir,
      addProviderArgs('Grow Together Gardens', 'activity'),
    );
    providerId = provider.id;
    const started = spqaJson<AssessmentSummary>(dataDir, startSelfArgs(provider.id));
    assessmentId = started.id;
    expect(started).toMatchObject({
      providerId: provider.id,
      frameworkId: NATIONAL_ID,
      frameworkVersion: NATIONAL_VERSION,
      providerType: 'activity',
      status: 'draft',
    });
    expect(assessmentId).toMatch(/^asm_/);
  });

  it('rates criteria, then shows ratings, domain scores, essential gaps and the outcome', () => {
    const rated = spqaJson<{ rating: { criterion: string; rating: string } }>(
      dataDir,
      rateArgs(assessmentId, dev1, 'partial', '--note', 'Half the sessions'),
    );
    expect(rated.rating).toMatchObject({ criterion: dev1, rating: 'partial' });
    const na = spqa(
      dataDir,
      rateArgs(assessmentId, essential, 'na', '--reason', 'No venue of our own'),
    );
    expect(na.status, na.stderr).toBe(0);
    expect(na.stdout).toContain(`${essential}: Not applicable`);

    const shown = spqaJson<Shown>(dataDir, ['assessment', 'show', assessmentId]);
    expect(shown.assessment).toMatchObject({ id: assessmentId, status: 'in-progress' });
    expect(shown.ratings.map((r) => [r.criterion, r.rating, r.note, r.reason]).sort()).toEqual(
      [
        [dev1, 'partial', 'Half the sessions', null],
        [essential, 'na', null, 'No venue of our own'],
      ].sort(),
    );
    expect(shown.domains.reduce((n, d) => n + d.applicable, 0)).toBe(
      nationalCodes({ appliesTo: 'activity' }).length,
    );
    expect(shown.domains.reduce((n, d) => n + d.rated, 0)).toBe(2);
    const gaps = shown.essentialNotMet.map((g) => g.code);
    expect(gaps).toEqual(
      nationalCodes({ appliesTo: 'activity', level: 'essential' }).filter((c) => c !== essential),
    );
    expect(shown.recommendedOutcome).toBe('not-accredited');

    const human = spqa(dataDir, ['assessment', 'show', assessmentId]);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Recommended outcome today: Not yet accredited');
    expect(human.stdout).toContain('Essential criteria not met:');
  });

  it('refuses a bad rating with exit 2, a one-line message, and nothing changed', () => {
    const file = join(dataDir, DATABASE_FILE);
    const before = dumpDatabaseFile(file);
    const rate = (...args: string[]) =>
      spqa(dataDir, ['assessment', 'rate', assessmentId, ...args]);
    expectRefused(
      rate('--criterion', dev2, '--rating', 'excellent'),
      '--rating must be met, partial, not-met or na',
      '"excellent"',
    );
    expectRefused(
      rate('--criterion', dev2, '--rating', 'na'),
      'Not applicable needs a reason',
      dev2,
    );
    expectRefused(
      rate('--criterion', 'ZZ9.9', '--rating', 'partial'),
      'unknown criterion code "ZZ9.9"',
    );
    expectRefused(
      rate('--criterion', linkWorkerOnly, '--rating', 'partial'),
      `criterion ${linkWorkerOnly} does not apply`,
    );
    expectRefused(rate('--rating', 'partial'), '--criterion is required');
    expectRefused(
      spqa(dataDir, rateArgs('asm_NOSUCH', dev2, 'partial')),
      'no assessment with id "asm_NOSUCH"',
    );
    expectRefused(
      spqa(dataDir, ['assessment', 'start', '--kind', 'self']),
      '--provider is required',
    );
    expect(dumpDatabaseFile(file)).toEqual(before);
  });

  it('imports ratings from CSV all or nothing', () => {
    // An assessment of its own, so the other tests' ratings do not depend on running order.
    const assessmentId = spqaJson<AssessmentSummary>(dataDir, startSelfArgs(providerId)).id;
    const dir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const bad = writeTempFile(
      dir,
      'bad.csv',
      `criterion,rating,note,reason\n${dev2},partial,,\n${linkWorkerOnly},partial,,\nZZ1.1,met,,\n`,
    );
    const before = dumpDatabaseFile(file);
    const run = spqa(dataDir, ['assessment', 'import-ratings', assessmentId, bad]);
    expect(run.status).toBe(2);
    expect(run.errorLines[0]).toMatch(
      /^spqa: .*bad\.csv: line 3, column criterion: .*\(and 1 more problem\); nothing was imported$/,
    );
    expect(run.errorLines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}line 3, column criterion: criterion .* does not apply/),
      expect.stringMatching(/^ {2}line 4, column criterion: unknown criterion code "ZZ1.1"/),
    ]);
    expect(dumpDatabaseFile(file)).toEqual(before);

    const good = writeTempFile(
      dir,
      'good.csv',
      `criterion,rating,note,reason\n${dev2},not met,Next year,\n`,
    );
    const applied = spqaJson<{ applied: number }>(dataDir, [
      'assessment',
      'import-ratings',
      assessmentId,
      good,
    ]);
    expect(applied.applied).toBe(1);
    const shown = spqaJson<Shown>(dataDir, ['assessment', 'show', assessmentId]);
    expect(shown.ratings.find((r) => r.criterion === dev2)).toMatchObject({
      rating: 'not-met',
      note: 'Next year',
    });
  });
});

describe('spqa demo', () => {
  it('loads demo providers and self-assessments once; running it again changes nothing', () => {
    const dataDir = tempDir();
    const first = spqaJson<{ providers: number; assessments: number; skipped: boolean }>(dataDir, [
      'demo',
    ]);
    expect(first.skipped).toBe(false);
    expect(first.providers).toBeGreaterThan(0);
    expect(first.assessments).toBeGreaterThan(0);
    const list = spqaJson<{ total: number }>(dataDir, ['provider', 'list']);
    expect(list.total).toBe(first.providers);
    const assessments = spqaJson<unknown[]>(dataDir, ['assessment', 'list']);
    expect(assessments).toHaveLength(first.assessments);

    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    const second = spqaJson<{ skipped: boolean; providers: number }>(dataDir, ['demo']);
    expect(second).toMatchObject({ skipped: true, providers: 0 });
    expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);

    const verified = spqa(dataDir, ['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^audit trail intact \(\d+ entries\)/);
  });
});
