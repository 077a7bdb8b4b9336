import { describe, expect, it } from 'vitest';
import { spqa, spqaJson } from '../helpers/cli';
import { addEvidenceArgs, rateArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { cliAssessment, cliSnapshot } from '../helpers/evidence';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const essential = nationalCode({ appliesTo: 'activity', level: 'essential' });

describe('spqa assessment rate on evidence', () => {
  it('refuses an essential Met without current evidence (exit 2, one line) unless given an override reason', () => {
    const { dataDir, assessmentId } = cliAssessment();
    const before = cliSnapshot(dataDir);
    expectRefused(
      spqa(dataDir, rateArgs(assessmentId, essential, 'met')),
      `${essential} is essential: rating it Met needs at least one piece of evidence current on`,
      'or an override reason',
    );
    expect(cliSnapshot(dataDir)).toEqual(before);

    const overridden = spqa(dataDir, [
      '--json',
      ...rateArgs(
        assessmentId,
        essential,
        'met',
        '--override-reason',
        'Policy seen in the trustees’ file on the visit',
      ),
    ]);
    expect(overridden.status, overridden.stderr).toBe(0);
    expect(JSON.parse(overridden.stdout)).toMatchObject({
      rating: {
        criterion: essential,
        rating: 'met',
        overrideReason: 'Policy seen in the trustees’ file on the visit',
      },
    });
  });

  it('accepts an essential Met once current evidence is attached, but not on expired evidence', () => {
    const { dataDir, assessmentId } = cliAssessment();
    const sources = tempDir('spqa-sources-');
    const old = writeTempFile(sources, 'old-insurance.pdf', '%PDF-1.4 2019 insurance');
    spqaJson(dataDir, addEvidenceArgs(assessmentId, essential, '--expires', '2020-01-01', old));
    expectRefused(
      spqa(dataDir, rateArgs(assessmentId, essential, 'met')),
      `${essential} is essential`,
    );
    const current = writeTempFile(sources, 'insurance.pdf', '%PDF-1.4 current insurance');
    spqaJson(dataDir, addEvidenceArgs(assessmentId, essential, '--expires', '2099-01-01', current));
    const rated = spqa(dataDir, rateArgs(assessmentId, essential, 'met'));
    expect(rated.status, rated.stderr).toBe(0);
  });
});
