import type { Region } from '../../../shared/providers/vocabulary';

/** A seeded generator (mulberry32): the same seed gives the same data set on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
export const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** Towns with a real outward postcode of theirs and their region, for addresses that look right. */
export const PLACES: readonly { town: string; outward: readonly string[]; region: Region }[] = [
  { town: 'Newcastle upon Tyne', outward: ['NE1', 'NE4', 'NE6'], region: 'north-east' },
  { town: 'Sunderland', outward: ['SR1', 'SR4'], region: 'north-east' },
  { town: 'Middlesbrough', outward: ['TS1', 'TS5'], region: 'north-east' },
  { town: 'Durham', outward: ['DH1'], region: 'north-east' },
  { town: 'Manchester', outward: ['M1', 'M13', 'M20'], region: 'north-west' },
  { town: 'Liverpool', outward: ['L1', 'L8', 'L15'], region: 'north-west' },
  { town: 'Preston', outward: ['PR1', 'PR2'], region: 'north-west' },
  { town: 'Carlisle', outward: ['CA1', 'CA2'], region: 'north-west' },
  { town: 'Bolton', outward: ['BL1', 'BL3'], region: 'north-west' },
  { town: 'Leeds', outward: ['LS1', 'LS6', 'LS9'], region: 'yorkshire-and-the-humber' },
  { town: 'Sheffield', outward: ['S1', 'S2', 'S11'], region: 'yorkshire-and-the-humber' },
  { town: 'Bradford', outward: ['BD1', 'BD7'], region: 'yorkshire-and-the-humber' },
  { town: 'Hull', outward: ['HU1', 'HU5'], region: 'yorkshire-and-the-humber' },
  { town: 'York', outward: ['YO1', 'YO10'], region: 'yorkshire-and-the-humber' },
  { town: 'Nottingham', outward: ['NG1', 'NG7'], region: 'east-midlands' },
  { town: 'Leicester', outward: ['LE1', 'LE2'], region: 'east-midlands' },
  { town: 'Derby', outward: ['DE1', 'DE22'], region: 'east-midlands' },
  { town: 'Lincoln', outward: ['LN1', 'LN6'], region: 'east-midlands' },
  { town: 'Birmingham', outward: ['B1', 'B12', 'B29'], region: 'west-midlands' },
  { town: 'Coventry', outward: ['CV1', 'CV6'], region: 'west-midlands' },
  { town: 'Wolverhampton', outward: ['WV1', 'WV3'], region: 'west-midlands' },
  { town: 'Stoke-on-Trent', outward: ['ST1', 'ST4'], region: 'west-midlands' },
  { town: 'Worcester', outward: ['WR1', 'WR5'], region: 'west-midlands' },
  { town: 'Norwich', outward: ['NR1', 'NR2'], region: 'east-of-england' },
  { town: 'Cambridge', outward: ['CB1', 'CB4'], region: 'east-of-england' },
  { town: 'Ipswich', outward: ['IP1', 'IP4'], region: 'east-of-england' },
  { town: 'Luton', outward: ['LU1', 'LU4'], region: 'east-of-england' },
  { town: 'Peterborough', outward: ['PE1', 'PE3'], region: 'east-of-england' },
  { town: 'Hackney', outward: ['E8', 'E9'], region: 'london' },
  { town: 'Lambeth', outward: ['SE11', 'SW9'], region: 'london' },
  { town: 'Camden', outward: ['NW1', 'NW5'], region: 'london' },
  { town: 'Tower Hamlets', outward: ['E1', 'E14'], region: 'london' },
  { town: 'Croydon', outward: ['CR0'], region: 'london' },
  { town: 'Brent', outward: ['NW10', 'HA9'], region: 'london' },
  { town: 'Brighton', outward: ['BN1', 'BN2'], region: 'south-east' },
  { town: 'Southampton', outward: ['SO14', 'SO15'], region: 'south-east' },
  { town: 'Oxford', outward: ['OX1', 'OX4'], region: 'south-east' },
  { town: 'Reading', outward: ['RG1', 'RG30'], region: 'south-east' },
  { town: 'Canterbury', outward: ['CT1', 'CT2'], region: 'south-east' },
  { town: 'Portsmouth', outward: ['PO1', 'PO4'], region: 'south-east' },
  { town: 'Bristol', outward: ['BS1', 'BS5', 'BS16'], region: 'south-west' },
  { town: 'Plymouth', outward: ['PL1', 'PL4'], region: 'south-west' },
  { town: 'Exeter', outward: ['EX1', 'EX4'], region: 'south-west' },
  { town: 'Truro', outward: ['TR1'], region: 'south-west' },
  { town: 'Gloucester', outward: ['GL1', 'GL4'], region: 'south-west' },
  { town: 'Glasgow', outward: ['G1', 'G12', 'G31'], region: 'scotland' },
  { town: 'Edinburgh', outward: ['EH1', 'EH6', 'EH11'], region: 'scotland' },
  { town: 'Aberdeen', outward: ['AB10', 'AB24'], region: 'scotland' },
  { town: 'Dundee', outward: ['DD1', 'DD4'], region: 'scotland' },
  { town: 'Cardiff', outward: ['CF10', 'CF24'], region: 'wales' },
  { town: 'Swansea', outward: ['SA1', 'SA2'], region: 'wales' },
  { town: 'Newport', outward: ['NP19', 'NP20'], region: 'wales' },
  { town: 'Wrexham', outward: ['LL11', 'LL13'], region: 'wales' },
  { town: 'Belfast', outward: ['BT1', 'BT7', 'BT15'], region: 'northern-ireland' },
  { town: 'Derry', outward: ['BT47', 'BT48'], region: 'northern-ireland' },
  { town: 'Newry', outward: ['BT34', 'BT35'], region: 'northern-ireland' },
];

const AREAS = ['', '', '', 'North ', 'South ', 'East ', 'West ', 'Central ', 'Greater ', 'Old '];
const FOCUS = [
  'Community Gardens',
  'Men’s Shed',
  'Walking Group',
  'Arts Collective',
  'Befriending Service',
  'Wellbeing Hub',
  'Social Prescribing Partnership',
  'Carers Network',
  'Singing for the Brain',
  'Library Reading Circle',
  'Heritage Volunteers',
  'Money and Housing Advice',
  'Refugee Welcome',
  'Green Gym',
  'Allotment Society',
  'Dance for Health',
  'Wildlife Rangers',
  'Food Bank',
  'Youth Project',
  'Older People’s Forum',
  'Chess and Games Club',
  'Photography Group',
  'Pottery Studio',
  'Community Choir',
  'Cycle Club',
  'Swimming Circle',
  'Craft and Chat',
  'Digital Skills Café',
  'Mental Health Alliance',
  'Neighbourhood Network',
  'Recovery College',
  'Family Support',
  'Veterans’ Hub',
  'Mosque Welfare Group',
  'Parish Lunch Club',
  'Tenants’ Association',
  'Museum Friends',
  'Theatre Company',
  'Boxing Club',
  'Bereavement Support',
];
const SUFFIXES = [
  'Trust',
  'CIO',
  'CIC',
  'Association',
  'Project',
  'Charity',
  'Foundation',
  'Ltd',
  '',
];
const STREETS = [
  'High Street',
  'Church Lane',
  'Station Road',
  'Victoria Road',
  'Park Avenue',
  'Mill Lane',
  'Market Square',
  'Queen Street',
  'King’s Road',
  'Albert Terrace',
];
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Eilidh', 'Femi', 'Grace', 'Hamza', 'Iona', 'Jack'];
const LAST = [
  'Ahmed',
  'Brown',
  'Campbell',
  'Davies',
  'Evans',
  'Fraser',
  'Green',
  'Hughes',
  'Patel',
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface ProviderIdentity {
  name: string;
  town: string;
  region: Region;
  postcode: string;
  addressLine1: string;
  website: string;
  contact: { name: string; role: string; email: string; phone: string };
}

/** A plausible VCSE organisation: its name, where it is and who to contact. */
export function providerIdentity(random: Random, index: number): ProviderIdentity {
  const place = pick(random, PLACES);
  const suffix = pick(random, SUFFIXES);
  const name = `${pick(random, AREAS)}${place.town} ${pick(random, FOCUS)}${suffix ? ` ${suffix}` : ''}`;
  const inward = `${between(random, 1, 9)}${pick(random, [...INWARD_LETTERS])}${pick(random, [...INWARD_LETTERS])}`;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  return {
    name,
    town: place.town,
    region: place.region,
    postcode: `${pick(random, place.outward)} ${inward}`,
    addressLine1: `${between(random, 1, 240)} ${pick(random, STREETS)}`,
    website: `https://${slug.slice(0, 40)}-${index.toString(36)}.org.uk`,
    contact: {
      name: `${first} ${last}`,
      role: pick(random, ['Manager', 'Coordinator', 'Chair', 'Volunteer lead']),
      email: `${first.toLowerCase()}@${slug.slice(0, 30)}.org.uk`,
      phone: `0${between(random, 1000, 9999)} ${between(random, 100000, 999999)}`,
    },
  };
}

/**
 * Registered numbers unique to each index, in the forms the validators accept: England and Wales
 * charities have 7 digits, Scottish ones SC and Northern Irish ones NIC and 6 digits; companies 8.
 */
export function charityNumberFor(index: number, region: Region): string {
  if (region === 'scotland') return `SC${String(index % 1_000_000).padStart(6, '0')}`;
  if (region === 'northern-ireland') return `NIC${String(index % 1_000_000).padStart(6, '0')}`;
  return String(1_000_000 + (index % 9_000_000));
}

export function companyNumberFor(index: number, region: Region): string {
  const prefix = region === 'scotland' ? 'SC' : region === 'northern-ireland' ? 'NI' : '';
  return prefix
    ? `${prefix}${String(index % 1_000_000).padStart(6, '0')}`
    : String(10_000_000 + (index % 90_000_000)).padStart(8, '0');
}

export const SERVICE_NAMES: Record<string, readonly string[]> = {
  arts: ['Open studio', 'Art for wellbeing', 'Creative writing group'],
  'museums-and-heritage': ['Museum memories', 'Heritage walks', 'Archive volunteering'],
  'libraries-and-reading': ['Shared reading', 'Books on prescription', 'Poetry circle'],
  'nature-and-gardening': ['Therapeutic gardening', 'Green gym', 'Conservation days'],
  'exercise-and-leisure': ['Walking for health', 'Chair yoga', 'Walking football'],
  'volunteering-and-community-groups': ['Befriending', 'Community café', 'Lunch club'],
  learning: ['Digital skills drop-in', 'English conversation', 'Cookery course'],
  advice: ['Debt advice', 'Benefits check', 'Housing advice'],
};

export const FINDING_TEXTS = [
  'Induction records were complete for every link worker sampled.',
  'Two of five volunteer files had no recorded reference check.',
  'The safeguarding policy is due for review and names a lead who has left.',
  'Feedback from participants is gathered and acted on each quarter.',
  'Lone working arrangements were not written down for evening sessions.',
  'Referral acknowledgements were sent within five working days in every case sampled.',
];
