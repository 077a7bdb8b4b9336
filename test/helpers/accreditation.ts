import type { Core } from '../../electron/core/app';
import type { RatingValue } from '../../shared/assessment/ratings';
import type { ProviderType } from '../../shared/providers/vocabulary';
import { unwrap } from './core';
import { buildFramework } from './framework-builder';

export const ASSESSOR = 'Sam Okafor';
export const DECIDER = 'Priya Shah';
export const PASSPHRASE = 'correct horse battery staple';

/**
 * A small framework (id "test-framework") with two domains of two standards, two criteria each;
 * AA1.1 and BB1.1 are essential. Small so a whole assessment is rated in a few calls.
 */
export const SMALL_FRAMEWORK = buildFramework([
  {
    standards: [
      [{ level: 'essential' }, {}],
      [{}, {}],
    ],
  },
  {
    standards: [
      [{ level: 'essential' }, {}],
      [{}, {}],
    ],
  },
]);

export async function importSmallFramework(core: Core): Promise<void> {
  unwrap(
    await core.invoke('frameworks.import', {
      fileName: 'test-framework.json',
      text: JSON.stringify(SMALL_FRAMEWORK),
    }),
  );
}

/** A provider with an address and one service, as a certificate holder needs. */
export async function providerWithService(
  core: Core,
  name = 'Riverside Gardening Club',
  type: ProviderType = 'activity',
) {
  const provider = unwrap(
    await core.invoke('providers.create', {
      name,
      type,
      addressLine1: '1 Mill Lane',
      town: 'Hexham',
      postcode: 'NE46 1AA',
      region: 'north-east',
    }),
  );
  unwrap(
    await core.invoke('services.create', {
      providerId: provider.id,
      fields: {
        name: 'Community garden',
        category: 'nature-and-gardening',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 10,
        waitingWeeks: 1,
        description: null,
      },
    }),
  );
  return provider;
}

/** An external assessment of a new provider on the small framework, declared free of conflicts. */
export async function startExternal(core: Core, assessor = ASSESSOR) {
  const provider = await providerWithService(core);
  const assessment = unwrap(
    await core.invoke('assessments.startExternal', {
      providerId: provider.id,
      assessor,
      frameworkId: SMALL_FRAMEWORK.id,
      declaration: { kind: 'none' },
    }),
  );
  return { provider, assessment };
}

/** Rates every applicable criterion; ratings per code override the default. */
export async function rateAll(
  core: Core,
  assessmentId: string,
  rating: RatingValue = 'met',
  overrides: Record<string, RatingValue> = {},
): Promise<string[]> {
  const detail = unwrap(await core.invoke('assessments.get', { id: assessmentId }));
  for (const code of detail.applicableCodes) {
    const value = overrides[code] ?? rating;
    unwrap(
      await core.invoke('assessments.rate', {
        id: assessmentId,
        criterion: code,
        rating: value,
        ...(value === 'met' ? { overrideReason: 'Seen at the visit.' } : {}),
        ...(value === 'na' ? { reason: 'Does not apply here.' } : {}),
      }),
    );
  }
  return detail.applicableCodes;
}

/** An external assessment rated in full and submitted (revision 1 sealed). */
export async function submittedExternal(
  core: Core,
  rating: RatingValue = 'met',
  overrides: Record<string, RatingValue> = {},
) {
  const started = await startExternal(core);
  const codes = await rateAll(core, started.assessment.id, rating, overrides);
  const submitted = unwrap(await core.invoke('assessments.submit', { id: started.assessment.id }));
  return { ...started, codes, revision: submitted.revision };
}

/** Submitted and decided accredited by someone who did not assess. */
export async function accreditedAssessment(core: Core) {
  const submitted = await submittedExternal(core);
  const decision = unwrap(
    await core.invoke('decisions.record', {
      assessmentId: submitted.assessment.id,
      outcome: 'accredited',
      decidedBy: DECIDER,
    }),
  );
  return { ...submitted, decision };
}

/** An accredited assessment with its certificate issued (the network key made on the way). */
export async function issuedCertificate(core: Core) {
  const accredited = await accreditedAssessment(core);
  const certificate = unwrap(
    await core.invoke('certificates.issue', {
      assessmentId: accredited.assessment.id,
      passphrase: PASSPHRASE,
    }),
  );
  return { ...accredited, certificate };
}
