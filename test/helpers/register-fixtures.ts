import type { Core } from '../../electron/core/app';
import type { ProviderInput, ServiceInput } from '../../shared/providers/schema';
import { unwrap } from './core';

export const REGISTER_PASSPHRASE = 'register passphrase for tests';

export interface AccreditedProvider {
  providerId: string;
  serviceIds: string[];
  assessmentId: string;
  number: string;
}

export const SERVICE: ServiceInput = {
  name: 'Community garden',
  category: 'nature-and-gardening',
  description: null,
  referralRoute: 'any-agency',
  selfReferral: true,
  acceptingReferrals: true,
  placesPerMonth: 12,
  waitingWeeks: 2,
};

/**
 * A provider taken the whole way through the core: services, an external assessment rated in
 * full (Partially met needs no evidence), submitted, decided by someone else, and certified.
 */
export async function accreditProvider(
  core: Core,
  provider: Partial<ProviderInput> & { name: string },
  options: {
    services?: Partial<ServiceInput>[];
    outcome?: 'accredited' | 'conditional';
    conditionsDue?: string;
  } = {},
): Promise<AccreditedProvider> {
  const created = unwrap(
    await core.invoke('providers.create', {
      type: 'activity',
      region: 'north-west',
      addressLine1: '1 Mill Lane',
      town: 'Blackburn',
      postcode: 'BB1 7DJ',
      ...provider,
    }),
  );
  const serviceIds: string[] = [];
  for (const [i, service] of (options.services ?? [{}]).entries()) {
    const made = unwrap(
      await core.invoke('services.create', {
        providerId: created.id,
        fields: { ...SERVICE, name: `${SERVICE.name} ${i + 1}`, ...service },
      }),
    );
    serviceIds.push(made.id);
  }
  const assessmentId = await assessAndDecide(core, created.id, options);
  const certificate = unwrap(
    await core.invoke('certificates.issue', { assessmentId, passphrase: REGISTER_PASSPHRASE }),
  );
  return { providerId: created.id, serviceIds, assessmentId, number: certificate.number };
}

/** An external assessment of a provider, rated, submitted and decided; returns its id. */
export async function assessAndDecide(
  core: Core,
  providerId: string,
  options: { outcome?: 'accredited' | 'conditional'; conditionsDue?: string } = {},
): Promise<string> {
  const assessment = unwrap(
    await core.invoke('assessments.startExternal', {
      providerId,
      assessor: 'Sam Assessor',
      declaration: { kind: 'none' },
    }),
  );
  const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
  for (const criterion of detail.applicableCodes)
    unwrap(
      await core.invoke('assessments.rate', { id: assessment.id, criterion, rating: 'partial' }),
    );
  unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
  const outcome = options.outcome ?? 'accredited';
  unwrap(
    await core.invoke('decisions.record', {
      assessmentId: assessment.id,
      outcome,
      decidedBy: 'Panel chair',
      ...(outcome === 'conditional'
        ? {
            conditions: 'Adopt a written safeguarding policy.',
            conditionsDue: options.conditionsDue,
          }
        : {}),
    }),
  );
  return assessment.id;
}
