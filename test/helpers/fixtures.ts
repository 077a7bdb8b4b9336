import type { Core } from '../../electron/core/app';
import type { ProviderType } from '../../shared/providers/vocabulary';
import { unwrap } from './core';

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
