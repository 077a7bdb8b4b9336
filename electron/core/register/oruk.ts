import { hash } from 'node:crypto';
import {
  REFERRAL_ROUTE_LABELS,
  REFERRAL_ROUTES,
  REGION_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type Region,
} from '../../../shared/providers/vocabulary';
import type { RegisterEntry, RegisterService } from '../../../shared/register/schema';

/*
 * Open Referral UK 3.0 (the UK profile of HSDS): organizations, services and locations, with the
 * accreditation in `service.accreditations` and as an attribute on the SPQA quality-mark taxonomy.
 * ORUK identifiers are UUIDs; ours are not, so each record's is a name-based UUID (RFC 9562
 * version 5) of our id, and each link's is derived from the two it joins: the same in every
 * publication, so consumers can follow records from one to the next.
 */

// The namespace of every SPQA register UUID (itself a random version 4 UUID, fixed for good).
const NAMESPACE = Buffer.from('5f0c2e8a7d4b4c1e9a3f6b2d8e1c7a90', 'hex');

export function orukId(kind: string, id: string): string {
  const name = Buffer.from(`${kind}:${id}`, 'utf8');
  const bytes = Buffer.allocUnsafe(NAMESPACE.length + name.length);
  NAMESPACE.copy(bytes, 0);
  name.copy(bytes, NAMESPACE.length);
  // One-shot hashing: a register can need a million of these, and it is ten times quicker.
  const hex = hash('sha1', bytes, 'hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id of a link between two records (a service's attribute, a service at a location): the
 * two ids' bytes combined by exclusive or, marked as an RFC 9562 version 8 UUID. It is as stable
 * as the ids it joins, and costs no hashing, which matters at a million links.
 */
export function linkId(oneId: string, otherId: string): string {
  for (let i = 0; i < 36; i += 1) {
    const code = oneId.charCodeAt(i);
    LINK[i] =
      code === 45
        ? 45
        : (HEX_DIGITS[(NIBBLE[code] ?? 0) ^ (NIBBLE[otherId.charCodeAt(i)] ?? 0)] ?? 48);
  }
  LINK[14] = 56; // '8': version 8
  LINK[19] = HEX_DIGITS[((NIBBLE[LINK[19] ?? 48] ?? 0) & 0x3) | 0x8] ?? 56;
  return LINK.toString('latin1');
}

// linkId's tables: a million links are made character by character into one reused buffer.
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 16; i += 1) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const LINK = Buffer.alloc(36);

interface TaxonomyTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
}

interface Taxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
  taxonomy_terms: TaxonomyTerm[];
}

function taxonomy({
  key,
  name,
  description,
  terms,
}: {
  key: string;
  name: string;
  description: string;
  terms: { term: string; name: string; description: string }[];
}): Taxonomy {
  const id = orukId('taxonomy', key);
  return {
    id,
    name,
    description,
    version: '1',
    taxonomy_terms: terms.map((t) => ({
      id: orukId('taxonomy-term', `${key}:${t.term}`),
      name: t.name,
      description: t.description,
      taxonomy: name,
      taxonomy_id: id,
      term: t.term,
    })),
  };
}

export const QUALITY_MARK = taxonomy({
  key: 'spqa-quality-mark',
  name: 'SPQA quality mark',
  description:
    'Accreditation against the national quality standards for social prescribing, awarded by the network that publishes this register.',
  terms: [
    {
      term: 'accredited',
      name: 'Accredited',
      description: 'Accredited against the national quality standards for social prescribing.',
    },
    {
      term: 'accredited-with-conditions',
      name: 'Accredited with conditions',
      description:
        'Accredited against the national quality standards, with conditions to be met by a due date.',
    },
  ],
});

export const CATEGORIES = taxonomy({
  key: 'spqa-service-categories',
  name: 'Social prescribing activity categories',
  description:
    'The kinds of community activity and service that social prescribing connects people to.',
  terms: SERVICE_CATEGORIES.map((category) => ({
    term: category,
    name: SERVICE_CATEGORY_LABELS[category],
    description: SERVICE_CATEGORY_LABELS[category],
  })),
});

export const REFERRAL_ROUTES_TAXONOMY = taxonomy({
  key: 'spqa-referral-routes',
  name: 'Who can refer',
  description: 'Who may refer people into a service, and whether people may refer themselves.',
  terms: [
    ...REFERRAL_ROUTES.map((r) => ({
      term: r,
      name: REFERRAL_ROUTE_LABELS[r],
      description: `Referrals accepted from: ${REFERRAL_ROUTE_LABELS[r].toLowerCase()}.`,
    })),
    {
      term: 'self-referral',
      name: 'Self-referral accepted',
      description: 'People may refer themselves.',
    },
  ],
});

export const TAXONOMIES = [QUALITY_MARK, CATEGORIES, REFERRAL_ROUTES_TAXONOMY];

function termOf(taxonomy: Taxonomy, term: string): TaxonomyTerm {
  const found = taxonomy.taxonomy_terms.find((t) => t.term === term);
  if (!found) throw new Error(`no term ${term} in ${taxonomy.name}`);
  return found;
}

/**
 * Every service carries a few of the same terms, so everything in an attribute after its own id
 * is written out once per term. A register has about a million attributes.
 */
const attributeTail = new Map<TaxonomyTerm, string>();
function attributeJson(serviceUuid: string, term: TaxonomyTerm): string {
  let tail = attributeTail.get(term);
  if (tail === undefined) {
    tail = `","link_type":"service","taxonomy_term_id":"${term.id}","taxonomy_term":${JSON.stringify(term)}}`;
    attributeTail.set(term, tail);
  }
  return `{"id":"${linkId(serviceUuid, term.id)}","link_id":"${serviceUuid}${tail}`;
}

const NATIONS: Partial<Record<Region, string>> = {
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
};

/** org-id.guide schemes: which register a charity number belongs to follows from its form. */
function charityScheme(number: string): string {
  if (number.startsWith('SC')) return 'GB-SC';
  if (number.startsWith('NIC') || number.startsWith('X')) return 'GB-NIC';
  return 'GB-CHC';
}

export function orukOrganization(entry: RegisterEntry) {
  const holder = entry.holder;
  const id = orukId('organization', holder.providerId);
  const identifiers = [];
  if (holder.charityNumber)
    identifiers.push({
      id: orukId('organization-identifier', `${holder.providerId}:charity`),
      organization_id: id,
      identifier_scheme: charityScheme(holder.charityNumber),
      identifier_type: 'Registered charity number',
      identifier: holder.charityNumber,
    });
  if (holder.companyNumber)
    identifiers.push({
      id: orukId('organization-identifier', `${holder.providerId}:company`),
      organization_id: id,
      identifier_scheme: 'GB-COH',
      identifier_type: 'Company number',
      identifier: holder.companyNumber,
    });
  return {
    id,
    name: holder.name,
    description:
      holder.description ??
      `${holder.name}, accredited under the ${entry.framework.title} (certificate ${entry.certificateNumber}).`,
    ...(holder.website ? { website: holder.website } : {}),
    organization_identifiers: identifiers,
  };
}

/** The holder's address as an ORUK location, when there is a full address to give. */
export function orukLocation(entry: RegisterEntry) {
  const holder = entry.holder;
  if (!holder.addressLine1 || !holder.town || !holder.postcode) return null;
  const id = orukId('location', holder.providerId);
  return {
    id,
    location_type: 'physical',
    name: holder.name,
    addresses: [
      {
        id: orukId('address', holder.providerId),
        location_id: id,
        address_1: [holder.addressLine1, holder.addressLine2].filter(Boolean).join(', '),
        city: holder.town,
        ...(holder.region ? { region: REGION_LABELS[holder.region] } : {}),
        state_province: holder.region ? (NATIONS[holder.region] ?? 'England') : 'United Kingdom',
        postal_code: holder.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
  };
}

export function accreditationText(entry: RegisterEntry): string {
  const kind = entry.outcome === 'conditional' ? 'Accredited with conditions' : 'Accredited';
  return (
    `${kind} under the ${entry.framework.title} (${entry.framework.id} ${entry.framework.version}) ` +
    `by ${entry.issuer.name}: certificate ${entry.certificateNumber}, valid ${entry.issuedOn} to ${entry.expiresOn}.`
  );
}

// The terms each attribute names, by the value that selects them (termOf fails at load if one is
// missing, so every value has its term).
const termsOf = <K extends string>(t: Taxonomy, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, termOf(t, k)])) as Record<K, TaxonomyTerm>;
const QUALITY_TERMS = termsOf(QUALITY_MARK, ['accredited', 'accredited-with-conditions']);
const CATEGORY_TERMS = termsOf(CATEGORIES, SERVICE_CATEGORIES);
const ROUTE_TERMS = termsOf(REFERRAL_ROUTES_TAXONOMY, REFERRAL_ROUTES);
const SELF_REFERRAL = termOf(REFERRAL_ROUTES_TAXONOMY, 'self-referral');

const text = (value: string) => JSON.stringify(value);

/**
 * A service as ORUK JSON text, with its attributes: the quality mark (accredited, or with
 * conditions), its category, who can refer, and self-referral where it is accepted. It is written
 * as text field by field, in a fixed order (a register has hundreds of thousands of services,
 * and this is several times quicker than building each as an object to stringify); the UUIDs
 * are hexadecimal and dashes, so only the free text needs quoting. `shared.accreditationsJson`
 * is already JSON text, being the same for every service of a certificate.
 */
export function orukServiceJson(
  entry: RegisterEntry,
  service: RegisterService,
  shared: { organizationId: string; locationId: string | null; accreditationsJson: string },
): string {
  const { locationId } = shared;
  const id = orukId('service', service.id);
  const description =
    service.description ??
    `${SERVICE_CATEGORY_LABELS[service.category]} from ${entry.holder.name}.`;
  let json =
    `{"id":"${id}","organization_id":"${shared.organizationId}","name":${text(service.name)},` +
    `"description":${text(description)}`;
  if (entry.holder.website) json += `,"url":${text(entry.holder.website)}`;
  json += `,"status":"active","accreditations":${shared.accreditationsJson},"assured_date":${text(service.capacityConfirmedOn)}`;
  if (!service.acceptingReferrals) json += ',"alert":"Not accepting new referrals at present."';
  else if (service.waitingWeeks)
    json += `,"alert":"Accepting referrals; the wait is about ${service.waitingWeeks} week${service.waitingWeeks === 1 ? '' : 's'}."`;
  json += locationId
    ? `,"service_at_locations":[{"id":"${linkId(id, locationId)}","service_id":"${id}","location_id":"${locationId}"}]`
    : ',"service_at_locations":[]';
  const quality =
    QUALITY_TERMS[entry.outcome === 'conditional' ? 'accredited-with-conditions' : 'accredited'];
  const category = CATEGORY_TERMS[service.category];
  const route = ROUTE_TERMS[service.referralRoute];
  json += `,"attributes":[${attributeJson(id, quality)},${attributeJson(id, category)},${attributeJson(id, route)}`;
  if (service.selfReferral) json += `,${attributeJson(id, SELF_REFERRAL)}`;
  return `${json}]}`;
}
