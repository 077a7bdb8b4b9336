import { describe, expect, it } from 'vitest';
import { computeReadiness } from '../../shared/assessment/readiness';
import { frameworkSchema } from '../../shared/framework/schema';
import { applicableCriteria } from '../../shared/framework/traverse';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { coreWithSelfAssessment, rateCriterion } from '../helpers/fixtures';
import { nationalFrameworkJson, revisedFramework } from '../helpers/frameworks';
import { nationalCode, nationalCodes, NATIONAL_ID, NATIONAL_VERSION } from '../helpers/national';
import { tempDir } from '../helpers/temp-dir';

const national = frameworkSchema.parse(nationalFrameworkJson());
const activityDevelopmental = nationalCode({ appliesTo: 'activity', level: 'developmental' });
const activityEssential = nationalCode({ appliesTo: 'activity', level: 'essential' });
const linkWorkerOnly = nationalCode({ appliesTo: 'link-worker', notFor: 'activity' });

describe('starting a self-assessment', () => {
  it('pins the framework version and the provider’s type, and asks only applicable criteria', async () => {
    const { core, provider, assessment } = await coreWithSelfAssessment();
    expect(assessment).toMatchObject({
      providerId: provider.id,
      providerName: provider.name,
      kind: 'self',
      status: 'draft',
      frameworkId: NATIONAL_ID,
      frameworkVersion: NATIONAL_VERSION,
      providerType: 'activity',
      startedBy: 'tester',
      progressPercent: 0,
      scorePercent: 0,
      outcome: 'not-accredited',
    });
    expect(assessment.id).toMatch(/^asm_/);

    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(detail.applicableCodes).toEqual(nationalCodes({ appliesTo: 'activity' }));
    expect(detail.applicableCodes).not.toContain(linkWorkerOnly);
    expect(detail.readiness.domains.map((d) => d.code)).toEqual([
      ...new Set(applicableCriteria(national, 'activity').map((c) => c.domain.code)),
    ]);
    const [entry] = unwrap(await core.invoke('audit.list', { entityId: assessment.id, limit: 5 }));
    expect(entry).toMatchObject({
      action: 'assessment.started',
      detail: { providerId: provider.id, framework: `${NATIONAL_ID}@${NATIONAL_VERSION}` },
    });
  });

  it('keeps an assessment on its version when a newer framework arrives; new ones take the newest', async () => {
    const { core, provider, assessment } = await coreWithSelfAssessment();
    unwrap(
      await core.invoke('frameworks.import', {
        fileName: 'next.json',
        text: JSON.stringify(revisedFramework('1.1.0', ' (revised)')),
      }),
    );
    const pinned = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(pinned.assessment.frameworkVersion).toBe(NATIONAL_VERSION);
    expect(pinned.framework.version).toBe(NATIONAL_VERSION);
    expect(pinned.framework.domains[0]?.standards[0]?.criteria[0]?.statement).not.toMatch(
      /revised/,
    );

    const newer = unwrap(
      await core.invoke('assessments.start', { providerId: provider.id, kind: 'self' }),
    );
    expect(newer.frameworkVersion).toBe('1.1.0');
    const chosen = unwrap(
      await core.invoke('assessments.start', {
        providerId: provider.id,
        kind: 'self',
        frameworkId: NATIONAL_ID,
        frameworkVersion: NATIONAL_VERSION,
      }),
    );
    expect(chosen.frameworkVersion).toBe(NATIONAL_VERSION);
  });

  it('keeps the provider type it started with when the provider’s type changes later', async () => {
    const { core, provider, assessment } = await coreWithSelfAssessment();
    unwrap(
      await core.invoke('providers.update', {
        id: provider.id,
        fields: { name: provider.name, type: 'link-worker' },
      }),
    );
    const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
    expect(detail.assessment.providerType).toBe('activity');
    expect(detail.applicableCodes).not.toContain(linkWorkerOnly);
    failure(
      await core.invoke('assessments.rate', {
        id: assessment.id,
        criterion: linkWorkerOnly,
        rating: 'partial',
      }),
      'invalid_input',
    );
  });

  it('refuses an archived provider, an unknown provider and an unknown framework, changing nothing', async () => {
    const core = await openTestCore();
    const provider = unwrap(
      await core.invoke('providers.create', { name: 'Closed Down', type: 'both' }),
    );
    unwrap(await core.invoke('providers.archive', { id: provider.id, archived: true }));
    const before = dumpDatabase(core.context.db);
    expect(
      failure(
        await core.invoke('assessments.start', { providerId: provider.id, kind: 'self' }),
        'refused',
      ).message,
    ).toContain('is archived');
    failure(
      await core.invoke('assessments.start', { providerId: 'prv_NONE', kind: 'self' }),
      'not_found',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    unwrap(await core.invoke('providers.archive', { id: provider.id, archived: false }));
    const restored = dumpDatabase(core.context.db);
    expect(
      failure(
        await core.invoke('assessments.start', {
          providerId: provider.id,
          kind: 'self',
          frameworkId: NATIONAL_ID,
          frameworkVersion: '9.9.9',
        }),
        'not_found',
      ).message,
    ).toBe(`no framework ${NATIONAL_ID}@9.9.9`);
    failure(
      await core.invoke('assessments.start', { providerId: provider.id, kind: 'external' }),
      'invalid_input',
    );
    expect(dumpDatabase(core.context.db)).toEqual(restored);
  });
});

describe('rating criteria', () => {
  it('saves each rating at once, with its note, and updates progress and the summary', async () => {
    const dataDir = tempDir();
    const { core, assessment } = await coreWithSelfAssessment({ dataDir });
    const result = await rateCriterion(
      core,
      assessment.id,
      activityDevelopmental.toLowerCase(),
      'partial',
      { note: '  Two of three sessions have a trained first aider.  ' },
    );
    expect(result.rating).toMatchObject({
      criterion: activityDevelopmental,
      rating: 'partial',
      note: 'Two of three sessions have a trained first aider.',
      reason: null,
      updatedBy: 'tester',
    });
    expect(result.readiness.rated).toBe(1);

    const domainCode = national.domains.find((d) =>
      d.standards.some((s) => s.criteria.some((c) => c.code === activityDevelopmental)),
    )?.code;
    const domain = result.readiness.domains.find((d) => d.code === domainCode);
    expect(domain).toMatchObject({ rated: 1, partial: 1 });
    expect(domain?.progressPercent).toBeCloseTo((100 * 1) / (domain?.applicable ?? 0), 1);

    core.close();
    const reopened = await openTestCore({ dataDir });
    const detail = unwrap(await reopened.invoke('assessments.get', { id: assessment.id }));
    expect(detail.ratings).toEqual([result.rating]);
    expect(detail.assessment.status).toBe('in-progress');
    expect(detail.assessment.progressPercent).toBe(result.readiness.progressPercent);
    expect(detail.readiness).toEqual(
      computeReadiness(national, 'activity', new Map([[activityDevelopmental, 'partial']])),
    );
    const [latest] = unwrap(
      await reopened.invoke('audit.list', { entityId: assessment.id, limit: 1 }),
    );
    expect(latest).toMatchObject({
      action: 'assessment.rated',
      detail: { criterion: activityDevelopmental, rating: 'partial', previous: null },
    });
  });

  it('accepts Not applicable with a reason, drops the reason on re-rating, and clears a rating', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const na = await rateCriterion(core, assessment.id, activityEssential, 'na', {
      reason: 'We run no sessions for under-18s.',
    });
    expect(na.rating).toMatchObject({ rating: 'na', reason: 'We run no sessions for under-18s.' });
    expect(na.readiness.essentialGaps.map((g) => g.code)).not.toContain(activityEssential);

    const partial = await rateCriterion(core, assessment.id, activityEssential, 'partial', {
      reason: 'ignored',
    });
    expect(partial.rating).toMatchObject({ rating: 'partial', reason: null });

    const cleared = await rateCriterion(core, assessment.id, activityEssential, null);
    expect(cleared.rating).toBeNull();
    expect(cleared.readiness.rated).toBe(0);
    const [latest] = unwrap(await core.invoke('audit.list', { entityId: assessment.id, limit: 1 }));
    expect(latest?.action).toBe('assessment.rating-cleared');
  });

  it('refuses bad ratings with a message naming the problem, leaving the database unchanged', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    await rateCriterion(core, assessment.id, activityDevelopmental, 'not-met');
    const before = dumpDatabase(core.context.db);
    const rate = (input: Record<string, unknown>) =>
      core.invoke('assessments.rate', { id: assessment.id, ...input });

    const notApplicable = failure(
      await rate({ criterion: linkWorkerOnly, rating: 'partial' }),
      'invalid_input',
    );
    expect(notApplicable.message).toBe(
      `criterion ${linkWorkerOnly} does not apply to a provider of type "Activity or service provider"`,
    );
    const unknown = failure(await rate({ criterion: 'ZZ9.9', rating: 'met' }), 'invalid_input');
    expect(unknown.message).toBe(
      `unknown criterion code "ZZ9.9" in ${NATIONAL_ID}@${NATIONAL_VERSION}`,
    );
    const noReason = failure(
      await rate({ criterion: activityDevelopmental, rating: 'na' }),
      'invalid_input',
    );
    expect(noReason.message).toBe(
      `Not applicable needs a reason (criterion ${activityDevelopmental})`,
    );
    const blankReason = failure(
      await rate({ criterion: activityDevelopmental, rating: 'na', reason: '   ' }),
      'invalid_input',
    );
    expect(blankReason.message).toContain('needs a reason');
    const offScale = failure(
      await rate({ criterion: activityDevelopmental, rating: 'excellent' }),
      'invalid_input',
    );
    expect(offScale.message).toBe('rating: a rating is one of met, partial, not-met, na');
    const longNote = failure(
      await rate({ criterion: activityDevelopmental, rating: 'partial', note: 'x'.repeat(4001) }),
      'invalid_input',
    );
    expect(longNote.message).toContain('a note is at most 4000 characters');
    failure(
      await core.invoke('assessments.rate', {
        id: 'asm_NONE',
        criterion: activityDevelopmental,
        rating: 'met',
      }),
      'not_found',
    );

    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});
