import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../accreditation/vocabulary';
import {
  PROVIDER_TYPES,
  REFERRAL_ROUTES,
  REGIONS,
  SERVICE_CATEGORIES,
} from '../providers/vocabulary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One accredited (or once accredited) provider on the published register: one entry per certificate. */
export const registerEntrySchema = z.strictObject({
  certificateNumber: z.string().regex(/^SPQA-\d{4}-\d{6}(-R\d+)?$/),
  status: z.enum(CERTIFICATE_STATUSES),
  statusDate: isoDate
    .nullable()
    .describe('when the current status began (suspension, withdrawal, supersession)'),
  outcome: z.enum(['accredited', 'conditional']),
  conditionsDue: isoDate.nullable(),
  issuedOn: isoDate,
  expiresOn: isoDate,
  holder: z.strictObject({
    providerId: z.string(),
    name: z.string(),
    type: z.enum(PROVIDER_TYPES),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    region: z.enum(REGIONS).nullable(),
    address: z.string(),
    postcode: z.string().nullable(),
    website: z.string().nullable(),
  }),
  services: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      category: z.enum(SERVICE_CATEGORIES),
      description: z.string().nullable(),
      referralRoute: z.enum(REFERRAL_ROUTES),
      selfReferral: z.boolean(),
      acceptingReferrals: z.boolean(),
      placesPerMonth: z.number().int().nullable(),
      waitingWeeks: z.number().int().nullable(),
      capacityConfirmedOn: isoDate,
    }),
  ),
  domains: z.array(z.strictObject({ code: z.string(), title: z.string() })),
  framework: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
  issuer: z.strictObject({ name: z.string(), keyId: z.string() }),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const registerSchema = z.strictObject({
  type: z.literal('SPQARegister'),
  formatVersion: z.literal(1),
  generatedAt: z.string(),
  network: z.strictObject({ name: z.string(), keyId: z.string() }),
  entries: z.array(registerEntrySchema),
});
export type Register = z.infer<typeof registerSchema>;
