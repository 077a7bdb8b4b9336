import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';

const first = nationalCode({ appliesTo: 'activity', level: 'essential' });
const second = nationalCode({ appliesTo: 'activity', level: 'essential' }, 1);
const linkWorkerOnly = nationalCode({ appliesTo: 'link-worker', notFor: 'activity' });

describe('the improvement plan', () => {
  it('saves one action per criterion, replaces it on saving again, and deletes it', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const saveAction = async (fields: Omit<MethodInput<'actions.save'>, 'assessmentId'>) =>
      unwrap(await core.invoke('actions.save', { assessmentId: assessment.id, ...fields }));
    const saved = await saveAction({
      criterion: first,
      description: 'Write a safeguarding policy and have the trustees adopt it',
      owner: 'Aisha Rahman',
      dueDate: '2025-06-30',
    });
    expect(saved).toMatchObject({
      assessmentId: assessment.id,
      criterion: first,
      owner: 'Aisha Rahman',
      dueDate: '2025-06-30',
      status: 'open',
    });

    const replaced = await saveAction({
      criterion: first.toLowerCase(),
      description: 'Adopt the county safeguarding policy',
      owner: 'Ben Okafor',
      dueDate: '2025-05-31',
      status: 'done',
    });
    expect(replaced).toMatchObject({
      id: saved.id,
      description: 'Adopt the county safeguarding policy',
      owner: 'Ben Okafor',
      dueDate: '2025-05-31',
      status: 'done',
    });
    const other = await saveAction({
      criterion: second,
      description: 'Book first aid training',
      owner: 'Ben Okafor',
      dueDate: '2025-04-30',
    });
    let plan = unwrap(await core.invoke('assessments.get', { id: assessment.id })).actions;
    // Ordered by due date.
    expect(plan.map((a) => [a.criterion, a.description])).toEqual([
      [second, 'Book first aid training'],
      [first, 'Adopt the county safeguarding policy'],
    ]);

    expect(unwrap(await core.invoke('actions.delete', { id: other.id }))).toEqual({
      deleted: true,
    });
    plan = unwrap(await core.invoke('assessments.get', { id: assessment.id })).actions;
    expect(plan.map((a) => a.id)).toEqual([saved.id]);
    failure(await core.invoke('actions.delete', { id: other.id }), 'not_found');

    const actions = unwrap(await core.invoke('audit.list', { entityId: assessment.id, limit: 10 }))
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'assessment.started',
      'action.saved',
      'action.saved',
      'action.saved',
      'action.deleted',
    ]);
  });

  it('refuses an action without an owner, with an impossible date or for a criterion not asked', async () => {
    const { core, assessment } = await coreWithSelfAssessment();
    const before = dumpDatabase(core.context.db);
    const base = {
      assessmentId: assessment.id,
      criterion: first,
      description: 'Write the policy',
      owner: 'Aisha Rahman',
      dueDate: '2025-06-30',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ owner: ' ' }, 'owner: name who owns the action'],
      [{ dueDate: '2025-02-30' }, 'dueDate: not a real calendar date'],
      [{ dueDate: '30/06/2025' }, 'dueDate: use the form YYYY-MM-DD'],
      [{ criterion: linkWorkerOnly }, `criterion ${linkWorkerOnly} does not apply`],
      [{ criterion: 'ZZ9.9' }, 'unknown criterion code "ZZ9.9"'],
    ];
    for (const [change, message] of cases) {
      const error = failure(
        await core.invoke('actions.save', { ...base, ...change }),
        'invalid_input',
      );
      expect(error.message).toContain(message);
    }
    failure(await core.invoke('actions.save', { ...base, assessmentId: 'asm_NONE' }), 'not_found');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});
