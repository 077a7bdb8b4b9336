import type { ProviderInput, ServiceInput } from '../../../shared/providers/schema';

export interface DemoProvider {
  provider: ProviderInput;
  services: ServiceInput[];
  /** A self-assessment to start, rated to roughly this share of applicable criteria. */
  selfAssessment?: { ratedShare: number; strength: 'strong' | 'mixed' | 'early' };
}

/** Fictional organisations (names, numbers and people are invented) covering every region type and category. */
export const DEMO_PROVIDERS: DemoProvider[] = [
  {
    provider: {
      name: 'Calder Valley Community Connectors',
      type: 'link-worker',
      charityNumber: '1187342',
      region: 'yorkshire-and-the-humber',
      addressLine1: 'The Old Library, 14 Market Street',
      town: 'Hebden Bridge',
      postcode: 'HX7 6AA',
      website: 'https://calder-connectors.example.org',
      description:
        'Link workers embedded in three primary care networks, working with people referred by GPs, nurses, pharmacists and the fire service.',
      contacts: [
        {
          name: 'Aisha Rahman',
          role: 'Service manager',
          email: 'aisha@calder-connectors.example.org',
          phone: '01422 555 014',
        },
      ],
    },
    services: [
      {
        name: 'Social prescribing link workers',
        category: 'volunteering-and-community-groups',
        description:
          'One-to-one support to find what matters and connect with local groups, over 6 to 12 contacts.',
        referralRoute: 'health-and-care',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 40,
        waitingWeeks: 2,
      },
    ],
    selfAssessment: { ratedShare: 1, strength: 'strong' },
  },
  {
    provider: {
      name: 'Grow Together Gardens',
      type: 'activity',
      charityNumber: '1154821',
      companyNumber: '08812345',
      region: 'north-west',
      addressLine1: 'Walled Garden, Heaton Park Road',
      town: 'Manchester',
      postcode: 'M25 2SW',
      description: 'Therapeutic gardening sessions three days a week on a two-acre walled garden.',
      contacts: [
        {
          name: 'Tom Whitaker',
          role: 'Volunteer co-ordinator',
          email: 'tom@growtogether.example.org',
        },
      ],
    },
    services: [
      {
        name: 'Green Prescription gardening group',
        category: 'nature-and-gardening',
        description:
          'Small-group gardening, tea and conversation. Tools, gloves and waterproofs provided.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 12,
        waitingWeeks: 3,
      },
      {
        name: 'Nature walks for wellbeing',
        category: 'exercise-and-leisure',
        description: 'Gentle guided walks of up to two miles on level paths.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: false,
        placesPerMonth: 0,
        waitingWeeks: 8,
      },
    ],
    selfAssessment: { ratedShare: 0.7, strength: 'mixed' },
  },
  {
    provider: {
      name: 'Tyneside Arts on Prescription',
      type: 'activity',
      charityNumber: '1099876',
      region: 'north-east',
      addressLine1: 'Unit 3, Ouseburn Studios',
      town: 'Newcastle upon Tyne',
      postcode: 'NE1 2PQ',
      contacts: [{ name: 'Megan Dodd', role: 'Director', phone: '0191 555 0192' }],
    },
    services: [
      {
        name: 'Creative wellbeing courses',
        category: 'arts',
        description: 'Ten-week courses in painting, printmaking and creative writing.',
        referralRoute: 'link-worker-only',
        selfReferral: false,
        acceptingReferrals: true,
        placesPerMonth: 16,
        waitingWeeks: 4,
      },
    ],
  },
  {
    provider: {
      name: 'Bristol Money and Housing Advice',
      type: 'activity',
      companyNumber: '09123456',
      region: 'south-west',
      addressLine1: '42 Stokes Croft',
      town: 'Bristol',
      postcode: 'BS1 3QY',
      contacts: [{ name: 'Priya Sharma', role: 'Advice manager', email: 'priya@bmha.example.org' }],
    },
    services: [
      {
        name: 'Debt and benefits advice',
        category: 'advice',
        description:
          'Free, confidential advice on debt, benefits and housing, by appointment or phone.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 60,
        waitingWeeks: 1,
      },
    ],
    selfAssessment: { ratedShare: 0.3, strength: 'early' },
  },
  {
    provider: {
      name: 'Read Well Leicester',
      type: 'activity',
      charityNumber: '1176543',
      region: 'east-midlands',
      addressLine1: 'Central Library, Bishop Street',
      town: 'Leicester',
      postcode: 'LE1 6AA',
    },
    services: [
      {
        name: 'Shared reading groups',
        category: 'libraries-and-reading',
        description:
          'Weekly groups reading short stories and poems aloud together; no reading ability expected.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 20,
        waitingWeeks: 0,
      },
    ],
  },
  {
    provider: {
      name: 'Heritage Hands Birmingham',
      type: 'activity',
      charityNumber: '1165432',
      region: 'west-midlands',
      addressLine1: 'Museum Collection Centre, Dollman Street',
      town: 'Birmingham',
      postcode: 'B7 4RQ',
    },
    services: [
      {
        name: 'Museum object handling sessions',
        category: 'museums-and-heritage',
        description:
          'Small groups handle and talk about objects from the collection, with a curator.',
        referralRoute: 'health-and-care',
        selfReferral: false,
        acceptingReferrals: true,
        placesPerMonth: 10,
        waitingWeeks: 5,
      },
    ],
  },
  {
    provider: {
      name: 'Glasgow Community Link Partnership',
      type: 'both',
      charityNumber: 'SC045678',
      region: 'scotland',
      addressLine1: '88 Duke Street',
      town: 'Glasgow',
      postcode: 'G4 0UW',
    },
    services: [
      {
        name: 'Community link workers',
        category: 'volunteering-and-community-groups',
        description: 'Community link workers based in GP practices in the east end.',
        referralRoute: 'health-and-care',
        selfReferral: false,
        acceptingReferrals: true,
        placesPerMonth: 30,
        waitingWeeks: 3,
      },
      {
        name: 'Learning for life classes',
        category: 'learning',
        description: 'Digital skills, English for speakers of other languages and cookery classes.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 25,
        waitingWeeks: 2,
      },
    ],
    selfAssessment: { ratedShare: 0.5, strength: 'mixed' },
  },
  {
    provider: {
      name: 'Cardiff Active Together',
      type: 'activity',
      charityNumber: '1134567',
      region: 'wales',
      addressLine1: 'Sports Village, Olympian Drive',
      town: 'Cardiff',
      postcode: 'CF11 0JS',
    },
    services: [
      {
        name: 'Walking football and chair-based exercise',
        category: 'exercise-and-leisure',
        description: 'Low-impact sport and exercise for adults of all abilities.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 30,
        waitingWeeks: 0,
      },
    ],
  },
  {
    provider: {
      name: 'Belfast Befriending Network',
      type: 'activity',
      charityNumber: 'NIC104321',
      region: 'northern-ireland',
      addressLine1: '5 Donegall Pass',
      town: 'Belfast',
      postcode: 'BT7 1DQ',
    },
    services: [
      {
        name: 'Befriending and volunteering',
        category: 'volunteering-and-community-groups',
        description: 'Matched befrienders and volunteering roles for people who feel isolated.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 15,
        waitingWeeks: 6,
      },
    ],
  },
  {
    provider: {
      name: 'Thames Gateway Social Prescribing',
      type: 'link-worker',
      companyNumber: '10987654',
      region: 'south-east',
      addressLine1: 'Gravesend Health Centre, Bath Street',
      town: 'Gravesend',
      postcode: 'DA11 0DG',
    },
    services: [
      {
        name: 'Link worker service',
        category: 'advice',
        description: 'Link workers supporting adults referred by seven GP practices.',
        referralRoute: 'health-and-care',
        selfReferral: false,
        acceptingReferrals: true,
        placesPerMonth: 35,
        waitingWeeks: 2,
      },
    ],
  },
  {
    provider: {
      name: 'Hackney Makers Collective',
      type: 'activity',
      region: 'london',
      addressLine1: 'Arch 12, Mentmore Terrace',
      town: 'London',
      postcode: 'E8 3PN',
    },
    services: [
      {
        name: 'Community woodwork and repair café',
        category: 'learning',
        description: 'Learn woodwork and mend things together on Saturday mornings.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 8,
        waitingWeeks: 4,
      },
    ],
  },
  {
    provider: {
      name: 'Fenland Good Neighbours',
      type: 'activity',
      charityNumber: '1143210',
      region: 'east-of-england',
      addressLine1: 'Community Centre, Station Road',
      town: 'March',
      postcode: 'PE15 8LE',
    },
    services: [
      {
        name: 'Lunch club and transport',
        category: 'volunteering-and-community-groups',
        description: 'A weekly hot lunch with door-to-door volunteer transport.',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 10,
        waitingWeeks: 1,
      },
    ],
  },
];
