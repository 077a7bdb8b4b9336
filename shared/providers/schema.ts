import { z } from 'zod';
import {
  charityNumberSchema,
  companyNumberSchema,
  isoDateSchema,
  postcodeSchema,
} from '../validation/uk';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../validation/text';
import { PROVIDER_TYPES, REFERRAL_ROUTES, REGIONS, SERVICE_CATEGORIES } from './vocabulary';

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE);
const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
const nullableText = (max: number) =>
  z
    .union([trimmed(max), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
/**
 * An optional field: empty text and null both mean "not given"; anything else must pass
 * `schema`, whose own message is kept (a union would only say "Invalid input").
 */
const optionalOf = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((v, ctx): z.output<T> | null => {
      if (v === undefined || v === null || v.trim() === '') return null;
      const result = schema.safeParse(v);
      if (result.success) return result.data;
      for (const issue of result.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });

export const contactInputSchema = z.object({
  name: trimmed(120).min(1, 'a contact needs a name'),
  role: optionalText(120),
  email: optionalOf(z.email('not an email address')),
  phone: optionalOf(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'not a phone number'),
  ),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const providerInputSchema = z.object({
  name: trimmed(200).min(2, 'a name needs at least 2 characters'),
  type: z.enum(PROVIDER_TYPES, { message: `type must be one of ${PROVIDER_TYPES.join(', ')}` }),
  charityNumber: optionalOf(charityNumberSchema),
  companyNumber: optionalOf(companyNumberSchema),
  region: z
    .enum(REGIONS, { message: `region must be one of ${REGIONS.join(', ')}` })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  addressLine1: nullableText(200),
  addressLine2: nullableText(200),
  town: nullableText(100),
  postcode: optionalOf(postcodeSchema),
  website: optionalOf(z.url({ protocol: /^https?$/, message: 'not a web address (https://…)' })),
  description: nullableText(2000),
  contacts: z.array(contactInputSchema).max(20).optional().default([]),
});
export type ProviderInput = z.input<typeof providerInputSchema>;
export type ProviderFields = z.output<typeof providerInputSchema>;

export const contactSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const serviceInputSchema = z.object({
  name: trimmed(200).min(2, 'a name needs at least 2 characters'),
  category: z.enum(SERVICE_CATEGORIES, {
    message: `category must be one of ${SERVICE_CATEGORIES.join(', ')}`,
  }),
  description: nullableText(2000),
  referralRoute: z.enum(REFERRAL_ROUTES),
  selfReferral: z.boolean(),
  acceptingReferrals: z.boolean(),
  placesPerMonth: z.number().int().min(0).max(100000).nullable(),
  waitingWeeks: z.number().int().min(0).max(520).nullable(),
});
export type ServiceInput = z.input<typeof serviceInputSchema>;

export const serviceSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string().nullable(),
  referralRoute: z.enum(REFERRAL_ROUTES),
  selfReferral: z.boolean(),
  acceptingReferrals: z.boolean(),
  placesPerMonth: z.number().nullable(),
  waitingWeeks: z.number().nullable(),
  capacityConfirmedOn: isoDateSchema,
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PROVIDER_TYPES),
  charityNumber: z.string().nullable(),
  companyNumber: z.string().nullable(),
  region: z.enum(REGIONS).nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  contacts: z.array(contactSchema),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Provider = z.infer<typeof providerSchema>;

export const providerSummarySchema = providerSchema
  .pick({
    id: true,
    name: true,
    type: true,
    charityNumber: true,
    companyNumber: true,
    region: true,
    town: true,
    postcode: true,
    archivedAt: true,
  })
  .extend({
    serviceCount: z.number(),
    latestAssessment: z
      .object({
        id: z.string(),
        kind: z.string(),
        status: z.string(),
        progressPercent: z.number(),
        scorePercent: z.number(),
        outcome: z.string(),
        updatedAt: z.string(),
      })
      .nullable(),
  });
export type ProviderSummary = z.infer<typeof providerSummarySchema>;
