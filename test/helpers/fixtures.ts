import type { Core } from '../../electron/core/app';
import type { MethodInput } from '../../shared/contract';
import type { ProviderType } from '../../shared/providers/vocabulary';
import { openTestCore, unwrap, type TestCoreOptions } from './core';

/** A provider of the given type and a self-assessment of it, started with the defaults. */
export async function startSelfAssessment(
  core: Core,
  type: ProviderType,
  name = `${type} provider`,
) {
  const provider = unwrap(await core.invoke('providers.create', { name, type }));
  const assessment = unwrap(
    await core.invoke('assessments.start', { providerId: provider.id, kind: 'self' }),
  );
  return { provider, assessment };
}

/** A core (opened with the options given) holding an activity provider's new self-assessment. */
export async function coreWithSelfAssessment(options: TestCoreOptions = {}, name?: string) {
  const core = await openTestCore(options);
  return { core, ...(await startSelfAssessment(core, 'activity', name)) };
}

type RateInput = MethodInput<'assessments.rate'>;

/** Rates one criterion (or clears its rating, given null); the core must accept it. */
export async function rateCriterion(
  core: Core,
  assessmentId: string,
  criterion: string,
  rating: RateInput['rating'],
  more: Omit<RateInput, 'id' | 'criterion' | 'rating'> = {},
) {
  return unwrap(
    await core.invoke('assessments.rate', { id: assessmentId, criterion, rating, ...more }),
  );
}
