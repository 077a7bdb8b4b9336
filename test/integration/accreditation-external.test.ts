import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { MethodInput } from '../../shared/contract';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { tempDir, writeTempFile } from '../helpers/temp-dir';
import {
  ASSESSOR,
  DECIDER,
  providerWithService,
  rateAll,
  SMALL_FRAMEWORK,
  smallCore,
  startExternal,
  startSmallSelf,
} from '../helpers/accreditation';

const CONFLICT = 'I advised the trustees on their safeguarding policy in 2025';

describe('the conflict of interest declaration', () => {
  it('records a declared conflict and blocks rating, findings, evidence, submission and decision', async () => {
    const core = await smallCore();
    const provider = await providerWithService(core);
    const assessment = unwrap(
      await core.invoke('assessments.startExternal', {
        providerId: provider.id,
        assessor: ASSESSOR,
        frameworkId: SMALL_FRAMEWORK.id,
        declaration: { kind: 'conflict', text: CONFLICT },
      }),
    );
    expect(assessment).toMatchObject({
      kind: 'external',
      status: 'draft',
      assessor: ASSESSOR,
      conflict: CONFLICT,
    });
    const audit = unwrap(await core.invoke('audit.list', { entityId: assessment.id }));
    expect(audit.map((e) => e.action)).toEqual(['assessment.blocked-by-conflict']);
    expect(audit[0]?.detail).toMatchObject({
      assessor: ASSESSOR,
      declaration: { kind: 'conflict', text: CONFLICT },
    });

    const before = dumpDatabase(core.context.db);
    const blocked = `assessment ${assessment.id} is blocked: the assessor declared a conflict of interest (${CONFLICT})`;
    expect(
      failure(
        await core.invoke('assessments.rate', {
          id: assessment.id,
          criterion: 'AA1.2',
          rating: 'met',
        }),
        'refused',
      ).message,
    ).toBe(blocked);
    expect(
      failure(
        await core.invoke('findings.save', {
          assessmentId: assessment.id,
          criterion: 'AA1.2',
          type: 'observation',
          text: 'Noted.',
        }),
        'refused',
      ).message,
    ).toBe(blocked);
    const file = writeTempFile(tempDir(), 'policy.txt', 'policy');
    expect(
      failure(
        await core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria: ['AA1.2'],
          sources: [{ kind: 'path', path: file }],
          metadata: { kind: 'policy' },
        }),
        'refused',
      ).message,
    ).toBe(blocked);
    const preview = unwrap(await core.invoke('assessments.sealPreview', { id: assessment.id }));
    expect(preview.blockers).toContain('the assessor declared a conflict of interest');
    expect(
      failure(await core.invoke('assessments.submit', { id: assessment.id }), 'refused').message,
    ).toContain('the assessor declared a conflict of interest');
    failure(
      await core.invoke('decisions.record', {
        assessmentId: assessment.id,
        outcome: 'accredited',
        decidedBy: DECIDER,
      }),
      'refused',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('needs a described conflict and a named assessor', async () => {
    const core = await smallCore();
    const provider = await providerWithService(core);
    const before = dumpDatabase(core.context.db);
    const start = (assessor: string, declaration: unknown) =>
      core.invokeUnknown('assessments.startExternal', {
        providerId: provider.id,
        assessor,
        frameworkId: SMALL_FRAMEWORK.id,
        declaration,
      });
    expect(
      failure(await start(ASSESSOR, { kind: 'conflict', text: ' ' }), 'invalid_input').message,
    ).toContain('describe the conflict');
    expect(failure(await start('S', { kind: 'none' }), 'invalid_input').message).toContain(
      'name the assessor',
    );
    failure(await start(ASSESSOR, undefined), 'invalid_input');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});

/** Starts an external assessment of the provider from a self-assessment, which sets its framework. */
const startFromSelf = (core: Core, providerId: string, fromAssessmentId: string) =>
  core.invoke('assessments.startExternal', {
    providerId,
    assessor: ASSESSOR,
    fromAssessmentId,
    declaration: { kind: 'none' },
  });

describe('an external assessment started from the self-assessment', () => {
  it('uses the self-assessment’s framework and starts with no ratings of its own', async () => {
    const core = await smallCore();
    const provider = await providerWithService(core);
    const self = await startSmallSelf(core, provider.id);
    await rateAll(core, self.id, 'met');
    const external = unwrap(await startFromSelf(core, provider.id, self.id));
    expect(external).toMatchObject({
      kind: 'external',
      basedOn: self.id,
      frameworkId: SMALL_FRAMEWORK.id,
      frameworkVersion: '1.0.0',
      conflict: null,
      status: 'draft',
    });
    const detail = unwrap(await core.invoke('assessments.get', { id: external.id }));
    expect(detail.ratings).toEqual([]);
    expect(detail.readiness.rated).toBe(0);
    // The self-assessment is untouched.
    expect(unwrap(await core.invoke('assessments.get', { id: self.id })).ratings).toHaveLength(8);
  });

  it('refuses a self-assessment of another provider, or an external one', async () => {
    const core = await smallCore();
    const { provider, assessment: external } = await startExternal(core);
    const other = await providerWithService(core, 'Another Group');
    const otherSelf = await startSmallSelf(core, other.id);
    const before = dumpDatabase(core.context.db);
    const from = (fromAssessmentId: string) => startFromSelf(core, provider.id, fromAssessmentId);
    expect(failure(await from(otherSelf.id), 'invalid_input').message).toBe(
      `assessment ${otherSelf.id} is not of ${provider.name}`,
    );
    expect(failure(await from(external.id), 'invalid_input').message).toBe(
      `assessment ${external.id} is not a self-assessment`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});

describe('findings', () => {
  it('need the action, owner and due date for a nonconformity, and keep none for an observation', async () => {
    const core = await smallCore();
    const { assessment } = await startExternal(core);
    const saveFinding = (fields: Omit<MethodInput<'findings.save'>, 'assessmentId'>) =>
      core.invoke('findings.save', { assessmentId: assessment.id, ...fields });
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await saveFinding({
        criterion: 'AA1.2',
        type: 'major-nc',
        text: 'No risk assessments for the garden tools.',
      }),
      'invalid_input',
    );
    expect(
      (error.details as { problems: { message: string }[] }).problems.map((p) => p.message),
    ).toEqual([
      'a nonconformity needs the action required',
      'a nonconformity needs an action owner',
      'a nonconformity needs an action due date',
    ]);
    failure(
      await saveFinding({ criterion: 'ZZ9.9', type: 'observation', text: 'Unknown criterion.' }),
      'invalid_input',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const observation = unwrap(
      await saveFinding({
        criterion: 'aa1.2',
        type: 'observation',
        text: 'Tools are stored safely.',
        action: 'ignored for an observation',
        actionOwner: 'nobody',
        actionDue: '2026-04-01',
      }),
    );
    expect(observation).toMatchObject({
      criterion: 'AA1.2',
      action: null,
      actionOwner: null,
      actionDue: null,
    });
    expect(
      unwrap(await core.invoke('assessments.get', { id: assessment.id })).assessment.status,
    ).toBe('in-progress');
  });

  it('belong to external assessments only', async () => {
    const core = await smallCore();
    const provider = await providerWithService(core);
    const self = await startSmallSelf(core, provider.id);
    expect(
      failure(
        await core.invoke('findings.save', {
          assessmentId: self.id,
          criterion: 'AA1.2',
          type: 'observation',
          text: 'Noted.',
        }),
        'refused',
      ).message,
    ).toBe('findings belong to external assessments');
  });
});
