/**
 * The fixed vocabularies of provider records. Values are stable identifiers used in the
 * database, CSV files and the CLI; labels are what people read.
 */
export const PROVIDER_TYPES = ['link-worker', 'activity', 'both'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export const PROVIDER_TYPE_LABELS: Record<ProviderType, string> = {
  'link-worker': 'Link worker service',
  activity: 'Activity or service provider',
  both: 'Link worker service and activity provider',
};

/** The nine English regions and the three devolved nations. */
export const REGIONS = [
  'north-east',
  'north-west',
  'yorkshire-and-the-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'south-east',
  'south-west',
  'scotland',
  'wales',
  'northern-ireland',
] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, string> = {
  'north-east': 'North East',
  'north-west': 'North West',
  'yorkshire-and-the-humber': 'Yorkshire and the Humber',
  'east-midlands': 'East Midlands',
  'west-midlands': 'West Midlands',
  'east-of-england': 'East of England',
  london: 'London',
  'south-east': 'South East',
  'south-west': 'South West',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
};

/** The eight kinds of community activity that social prescribing connects people to. */
export const SERVICE_CATEGORIES = [
  'arts',
  'museums-and-heritage',
  'libraries-and-reading',
  'nature-and-gardening',
  'exercise-and-leisure',
  'volunteering-and-community-groups',
  'learning',
  'advice',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  arts: 'Arts and creative activities',
  'museums-and-heritage': 'Museums and heritage',
  'libraries-and-reading': 'Libraries and reading (bibliotherapy)',
  'nature-and-gardening': 'Green, nature and gardening',
  'exercise-and-leisure': 'Exercise and leisure',
  'volunteering-and-community-groups': 'Volunteering and community groups',
  learning: 'Learning and skills',
  advice: 'Advice (debt, benefits, housing)',
};

/** Who may refer into a service, from the narrowest route to the widest. */
export const REFERRAL_ROUTES = ['link-worker-only', 'health-and-care', 'any-agency'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export const REFERRAL_ROUTE_LABELS: Record<ReferralRoute, string> = {
  'link-worker-only': 'Link workers only',
  'health-and-care': 'GPs, health and care professionals, and link workers',
  'any-agency': 'Any agency or organisation',
};

/** Parses a label or value typed by a person (CSV, CLI) into a vocabulary value. */
export function matchVocabulary<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  raw: string,
): T | undefined {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return values.find((v) => v === key || labels[v].toLowerCase() === raw.trim().toLowerCase());
}
