import type { Core } from '../../electron/core/app';
import type { RatingValue } from '../../shared/assessment/ratings';
import type { MethodInput } from '../../shared/contract';
import type { Provider, ProviderInput } from '../../shared/providers/schema';
import type { ProviderType } from '../../shared/providers/vocabulary';
import { manualClock, openTestCore, unwrap, type TestCoreOptions } from './core';
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

/** A core on 4 March 2026 (on a clock the test may move instead) with the small framework. */
export async function smallCore(options: TestCoreOptions = {}): Promise<Core> {
  const core = await openTestCore({ clock: manualClock('2026-03-04T10:00:00Z'), ...options });
  await importSmallFramework(core);
  return core;
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

/**
 * A Welsh charity with a community garden and a walking group, the holder the certificate and
 * bundle tests follow through to a certificate; `details` adds to or changes its record.
 */
export async function providerWithTwoServices(
  core: Core,
  name = 'Cymdeithas Gŵyl Ŷd',
  details: Partial<ProviderInput> = {},
) {
  const provider = unwrap(
    await core.invoke('providers.create', {
      name,
      type: 'activity',
      charityNumber: '1187654',
      addressLine1: 'Hen Ysgol',
      town: 'Llanrwst',
      postcode: 'LL26 0LS',
      region: 'wales',
      ...details,
    }),
  );
  for (const [serviceName, category] of [
    ['Gardd Gymunedol', 'nature-and-gardening'],
    ['Walking group', 'exercise-and-leisure'],
  ] as const) {
    unwrap(
      await core.invoke('services.create', {
        providerId: provider.id,
        fields: {
          name: serviceName,
          category,
          referralRoute: 'any-agency',
          selfReferral: true,
          acceptingReferrals: true,
          placesPerMonth: 12,
          waitingWeeks: 2,
          description: null,
        },
      }),
    );
  }
  return provider;
}

/** A self-assessment of the provider on the small framework. */
export async function startSmallSelf(core: Core, providerId: string) {
  return unwrap(
    await core.invoke('assessments.start', {
      providerId,
      kind: 'self',
      frameworkId: SMALL_FRAMEWORK.id,
    }),
  );
}

/**
 * An external assessment on the small framework, declared free of conflicts, unless the fields
 * say otherwise: of the provider given (a renewal), or of a new one.
 */
export async function startExternal(
  core: Core,
  existing?: Provider,
  fields: Partial<MethodInput<'assessments.startExternal'>> = {},
) {
  const provider = existing ?? (await providerWithService(core));
  const assessment = unwrap(
    await core.invoke('assessments.startExternal', {
      providerId: provider.id,
      assessor: ASSESSOR,
      frameworkId: SMALL_FRAMEWORK.id,
      declaration: { kind: 'none' },
      ...fields,
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
  provider?: Provider,
) {
  const started = await startExternal(core, provider);
  const codes = await rateAll(core, started.assessment.id, rating, overrides);
  const submitted = unwrap(await core.invoke('assessments.submit', { id: started.assessment.id }));
  return { ...started, codes, revision: submitted.revision };
}

type DecisionInput = MethodInput<'decisions.record'>;

/** Records a decision on a submitted assessment, made by DECIDER unless the fields name another. */
export async function decide(
  core: Core,
  assessmentId: string,
  outcome: DecisionInput['outcome'] = 'accredited',
  fields: Partial<Omit<DecisionInput, 'assessmentId' | 'outcome'>> = {},
) {
  return unwrap(
    await core.invoke('decisions.record', { assessmentId, outcome, decidedBy: DECIDER, ...fields }),
  );
}

/** Issues the certificate for an accredited decision (making the network key on first use). */
export async function issueCertificate(core: Core, assessmentId: string, passphrase = PASSPHRASE) {
  return unwrap(await core.invoke('certificates.issue', { assessmentId, passphrase }));
}

/** Submitted and decided accredited by someone who did not assess. */
export async function accreditedAssessment(core: Core, provider?: Provider) {
  const submitted = await submittedExternal(core, 'met', {}, provider);
  const decision = await decide(core, submitted.assessment.id);
  return { ...submitted, decision };
}

/**
 * An accredited assessment with its certificate issued (the network key made on the way): of a
 * new provider, or a renewal for the one given.
 */
export async function issuedCertificate(core: Core, provider?: Provider) {
  const accredited = await accreditedAssessment(core, provider);
  const certificate = await issueCertificate(core, accredited.assessment.id);
  return { ...accredited, certificate };
}
