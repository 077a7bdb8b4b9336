import type { Contact, Provider, Service } from '../../../shared/providers/schema';
import type {
  ProviderType,
  ReferralRoute,
  Region,
  ServiceCategory,
} from '../../../shared/providers/vocabulary';

export interface ProviderRow {
  id: string;
  name: string;
  name_key: string;
  type: ProviderType;
  charity_number: string | null;
  company_number: string | null;
  region: Region | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  website: string | null;
  description: string | null;
  contacts: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceRow {
  id: string;
  provider_id: string;
  name: string;
  category: ServiceCategory;
  description: string | null;
  referral_route: ReferralRoute;
  self_referral: number;
  accepting_referrals: number;
  places_per_month: number | null;
  waiting_weeks: number | null;
  capacity_confirmed_on: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function providerFromRow(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    charityNumber: row.charity_number,
    companyNumber: row.company_number,
    region: row.region,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    town: row.town,
    postcode: row.postcode,
    website: row.website,
    description: row.description,
    contacts: JSON.parse(row.contacts) as Contact[],
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function serviceFromRow(row: ServiceRow): Service {
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    category: row.category,
    description: row.description,
    referralRoute: row.referral_route,
    selfReferral: row.self_referral === 1,
    acceptingReferrals: row.accepting_referrals === 1,
    placesPerMonth: row.places_per_month,
    waitingWeeks: row.waiting_weeks,
    capacityConfirmedOn: row.capacity_confirmed_on,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The lower-case form searched by name; folding accents keeps "Café" findable as "cafe". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
