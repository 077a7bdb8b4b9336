import { z } from 'zod';

/**
 * UK postcodes: outward code (area, district) then inward code (sector, unit).
 * Stored upper case with exactly one space, which is how Royal Mail prints them.
 */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

export function normalisePostcode(raw: string): string | null {
  const compact = raw.trim().toUpperCase().replace(/\s+/g, '');
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

export const postcodeSchema = z.string().transform((value, ctx) => {
  const normalised = normalisePostcode(value);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a UK postcode (e.g. "LS1 4AP")` });
    return z.NEVER;
  }
  return normalised;
});

/**
 * Charity numbers: England and Wales (6 or 7 digits, optionally a -N subsidiary suffix),
 * Scotland (SC + 6 digits), Northern Ireland (NIC + 6 digits, or the older 5-6 digit XN/XR forms).
 */
const CHARITY = /^(?:\d{6,7}(?:-\d{1,2})?|SC\d{6}|NIC\d{6}|X[NR]\d{5,6})$/;

export const charityNumberSchema = z
  .string()
  .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ''))
  .refine((v) => CHARITY.test(v), {
    message: 'not a charity number (e.g. 1123456, SC012345 or NIC100123)',
  });

/** Companies House numbers are 8 characters: 8 digits, or a 2-letter prefix and 6 digits. */
const COMPANY = /^(?:\d{8}|[A-Z]{2}\d{6})$/;

export const companyNumberSchema = z
  .string()
  .transform((v) => {
    const compact = v.trim().toUpperCase().replace(/\s+/g, '');
    // Companies House drops leading zeros in some listings; restore them.
    return /^\d{1,7}$/.test(compact) ? compact.padStart(8, '0') : compact;
  })
  .refine((v) => COMPANY.test(v), {
    message: 'not a Companies House number (8 digits, or 2 letters and 6 digits)',
  });

/** A date as YYYY-MM-DD (published as it stands in register.schema.json). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isoDateSchema = z
  .string()
  .regex(ISO_DATE_PATTERN, 'use the form YYYY-MM-DD')
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
  }, 'not a real calendar date');
