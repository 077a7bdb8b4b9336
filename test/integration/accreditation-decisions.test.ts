import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { dumpDatabase } from '../helpers/db-dump';
import { failure, unwrap } from '../helpers/core';
import {
  ASSESSOR,
  decide,
  DECIDER,
  rateAll,
  smallCore,
  startExternal,
  submittedExternal,
} from '../helpers/accreditation';
import { startSelfAssessment } from '../helpers/fixtures';

const decisionRows = (core: Core) => core.context.db.prepare('SELECT * FROM decisions').all();

describe('who decides', () => {
  it('refuses the assessor as decision-maker, however the name is written, and saves nothing', async () => {
    const core = await smallCore();
    const { assessment } = await submittedExternal(core);
    const before = dumpDatabase(core.context.db);
    for (const name of [ASSESSOR, 'sam okafor', '  SAM   OKAFOR ', 'Sám Okafor', 'Sam-Okafor']) {
      const error = failure(
        await core.invoke('decisions.record', {
          assessmentId: assessment.id,
          outcome: 'accredited',
          decidedBy: name,
        }),
        'refused',
      );
      expect(error.message).toContain('cannot decide on it');
      expect(error.message).toContain('people who did not assess');
      expect(error.details).toEqual({ field: 'decidedBy' });
    }
    expect(dumpDatabase(core.context.db)).toEqual(before);
    expect(unwrap(await core.invoke('decisions.get', { assessmentId: assessment.id }))).toBeNull();

    const decision = await decide(core, assessment.id, 'accredited', {
      reasons: 'All standards met at the visit.',
    });
    expect(decision).toMatchObject({
      assessmentId: assessment.id,
      revision: 1,
      outcome: 'accredited',
      recommendedOutcome: 'accredited',
      decidedBy: DECIDER,
      reasons: 'All standards met at the visit.',
      conditions: null,
      conditionsDue: null,
    });
    const after = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(after.assessment.status).toBe('decided');
  });
});

describe('accreditation with conditions', () => {
  it('needs the conditions and a due date within the framework’s limit; nothing is saved otherwise', async () => {
    const core = await smallCore();
    const { assessment } = await submittedExternal(core, 'met', { 'AA1.1': 'partial' });
    const before = dumpDatabase(core.context.db);
    const attempt = (fields: Record<string, string | null>) =>
      core.invoke('decisions.record', {
        assessmentId: assessment.id,
        outcome: 'conditional',
        decidedBy: DECIDER,
        ...fields,
      });

    expect(
      failure(await attempt({ conditionsDue: '2026-05-01' }), 'invalid_input').message,
    ).toContain('accreditation with conditions needs the conditions');
    expect(
      failure(await attempt({ conditions: 'Adopt a safeguarding policy.' }), 'invalid_input')
        .message,
    ).toContain('accreditation with conditions needs a due date');
    const both = failure(await attempt({}), 'invalid_input');
    expect(both.message).toContain('needs the conditions (and 1 more)');
    expect(
      (both.details as { problems: { message: string }[] }).problems.map((p) => p.message),
    ).toEqual([
      'accreditation with conditions needs the conditions',
      'accreditation with conditions needs a due date',
    ]);
    // Due today, in the past, or beyond the framework's 90 days: refused, naming the window.
    for (const due of ['2026-03-04', '2026-02-01', '2026-06-03']) {
      const error = failure(
        await attempt({ conditions: 'Adopt a safeguarding policy.', conditionsDue: due }),
        'invalid_input',
      );
      expect(error.message, due).toContain('conditions must be due after today and by 2026-06-02');
    }
    // Conditions belong to the conditional outcome only.
    expect(
      failure(
        await core.invoke('decisions.record', {
          assessmentId: assessment.id,
          outcome: 'accredited',
          decidedBy: DECIDER,
          conditions: 'Something',
          conditionsDue: '2026-05-01',
        }),
        'invalid_input',
      ).message,
    ).toContain('only accreditation with conditions has conditions');
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const decision = unwrap(
      await attempt({ conditions: 'Adopt a safeguarding policy.', conditionsDue: '2026-06-02' }),
    );
    expect(decision).toMatchObject({
      outcome: 'conditional',
      recommendedOutcome: 'conditional',
      conditions: 'Adopt a safeguarding policy.',
      conditionsDue: '2026-06-02',
    });
  });
});

describe('a decision needs a submitted external assessment', () => {
  it('refuses a draft, one in progress, a self-assessment, a decided one and an open revision, changing nothing', async () => {
    const core = await smallCore();
    const attempt = (assessmentId: string) =>
      core.invoke('decisions.record', { assessmentId, outcome: 'accredited', decidedBy: DECIDER });

    const { assessment: draft } = await startExternal(core);
    let before = dumpDatabase(core.context.db);
    expect(failure(await attempt(draft.id), 'refused').message).toBe(
      `assessment ${draft.id} is draft; a decision needs a submitted assessment`,
    );
    unwrap(
      await core.invoke('assessments.rate', { id: draft.id, criterion: 'AA1.2', rating: 'met' }),
    );
    before = dumpDatabase(core.context.db);
    expect(failure(await attempt(draft.id), 'refused').message).toContain(
      'is in-progress; a decision needs a submitted assessment',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const { assessment: self } = await startSelfAssessment(core, 'activity');
    expect(failure(await attempt(self.id), 'refused').message).toBe(
      'decisions are made on external assessments',
    );

    const { assessment } = await submittedExternal(core);
    unwrap(await attempt(assessment.id));
    before = dumpDatabase(core.context.db);
    expect(failure(await attempt(assessment.id), 'refused').message).toBe(
      `assessment ${assessment.id} already has a decision for revision 1`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    // A revision reopens the assessment: no decision until it is submitted again.
    unwrap(
      await core.invoke('assessments.revise', {
        id: assessment.id,
        reason: 'Late evidence arrived',
      }),
    );
    expect(failure(await attempt(assessment.id), 'refused').message).toContain(
      'is in-progress; a decision needs a submitted assessment',
    );
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    const second = unwrap(await attempt(assessment.id));
    expect(second.revision).toBe(2);
    expect(decisionRows(core)).toHaveLength(2);

    failure(await attempt('asm_missing'), 'not_found');
  });
});

describe('the recommended outcome', () => {
  it('follows the framework’s rules and is kept beside the decision the panel makes', async () => {
    const core = await smallCore();
    const cases = [
      [{}, 'accredited'],
      // An essential criterion only partially met: with conditions at best.
      [{ 'AA1.1': 'partial' }, 'conditional'],
      // An essential criterion not met: not yet.
      [{ 'BB1.1': 'not-met' }, 'not-accredited'],
      // Half of one domain not met pulls that domain below the 60% bar for full accreditation.
      [{ 'AA1.2': 'not-met', 'AA2.1': 'not-met' }, 'conditional'],
    ] as const;
    for (const [overrides, expected] of cases) {
      const { assessment } = await startExternal(core);
      await rateAll(core, assessment.id, 'met', overrides);
      const preview = unwrap(await core.invoke('assessments.sealPreview', { id: assessment.id }));
      expect(preview.readiness.outcome, JSON.stringify(overrides)).toBe(expected);
      unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
      // The panel may decide otherwise; the recommendation is recorded all the same.
      const decision = await decide(core, assessment.id, 'not-accredited', {
        reasons: 'Panel view',
      });
      expect(decision).toMatchObject({
        outcome: 'not-accredited',
        recommendedOutcome: expected,
      });
      const row = core.context.db
        .prepare('SELECT recommended_outcome FROM decisions WHERE assessment_id = ?')
        .get(assessment.id) as { recommended_outcome: string };
      expect(row.recommended_outcome).toBe(expected);
    }
  });
});
