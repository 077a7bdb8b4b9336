import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  linkId,
  orukId,
  orukServiceJson,
  QUALITY_MARK,
  REFERRAL_ROUTES_TAXONOMY,
} from '../../electron/core/register/oruk';
import {
  REFERRAL_ROUTES,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
} from '../../shared/providers/vocabulary';
import type { RegisterEntry, RegisterService } from '../../shared/register/schema';

const term = (taxonomy: typeof CATEGORIES, key: string) => {
  const found = taxonomy.taxonomy_terms.find((t) => t.term === key);
  if (!found) throw new Error(key);
  return found;
};

/**
 * The service as the ORUK writer once built it: an object, stringified. orukServiceJson writes
 * the text directly (for speed); it must be this, byte for byte.
 */
function reference(
  entry: RegisterEntry,
  service: RegisterService,
  shared: { organizationId: string; locationId: string | null; accreditations: string },
): string {
  const id = orukId('service', service.id);
  const terms = [
    term(
      QUALITY_MARK,
      entry.outcome === 'conditional' ? 'accredited-with-conditions' : 'accredited',
    ),
    term(CATEGORIES, service.category),
    term(REFERRAL_ROUTES_TAXONOMY, service.referralRoute),
    ...(service.selfReferral ? [term(REFERRAL_ROUTES_TAXONOMY, 'self-referral')] : []),
  ];
  const alert = !service.acceptingReferrals
    ? 'Not accepting new referrals at present.'
    : service.waitingWeeks
      ? `Accepting referrals; the wait is about ${service.waitingWeeks} week${service.waitingWeeks === 1 ? '' : 's'}.`
      : null;
  return JSON.stringify({
    id,
    organization_id: shared.organizationId,
    name: service.name,
    description:
      service.description ??
      `${SERVICE_CATEGORY_LABELS[service.category]} from ${entry.holder.name}.`,
    ...(entry.holder.website ? { url: entry.holder.website } : {}),
    status: 'active',
    accreditations: shared.accreditations,
    assured_date: service.capacityConfirmedOn,
    ...(alert ? { alert } : {}),
    service_at_locations: shared.locationId
      ? [{ id: linkId(id, shared.locationId), service_id: id, location_id: shared.locationId }]
      : [],
    attributes: terms.map((t) => ({
      id: linkId(id, t.id),
      link_id: id,
      link_type: 'service',
      taxonomy_term_id: t.id,
      taxonomy_term: t,
    })),
  });
}

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const service = fc.record({
  id: fc.stringMatching(/^svc_[0-9A-Z]{4,12}$/),
  name: text,
  category: fc.constantFrom(...SERVICE_CATEGORIES),
  description: fc.option(text),
  referralRoute: fc.constantFrom(...REFERRAL_ROUTES),
  selfReferral: fc.boolean(),
  acceptingReferrals: fc.boolean(),
  placesPerMonth: fc.option(fc.nat(500)),
  waitingWeeks: fc.option(fc.nat(520)),
  capacityConfirmedOn: fc.constantFrom('2026-01-31', '2025-12-01'),
}) as fc.Arbitrary<RegisterService>;

describe('ORUK service text', () => {
  it('is what stringifying the service as an object gives, for any service', () => {
    fc.assert(
      fc.property(
        service,
        fc.record({
          outcome: fc.constantFrom('accredited' as const, 'conditional' as const),
          holderName: text,
          website: fc.option(fc.constant('https://example.org/a"b')),
          location: fc.boolean(),
          accreditations: text,
        }),
        (svc, e) => {
          const entry = {
            outcome: e.outcome,
            holder: { name: e.holderName, website: e.website },
          } as unknown as RegisterEntry;
          const shared = {
            organizationId: orukId('organization', 'prv_1'),
            locationId: e.location ? orukId('location', 'prv_1') : null,
          };
          const written = orukServiceJson(entry, svc, {
            ...shared,
            accreditationsJson: JSON.stringify(e.accreditations),
          });
          expect(written).toBe(
            reference(entry, svc, { ...shared, accreditations: e.accreditations }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
