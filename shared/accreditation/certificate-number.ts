import { z } from 'zod';

/**
 * A certificate number: `SPQA-<year>-<six-digit sequence>` as first issued, with `-R<n>` added for
 * its nth reissue (e.g. SPQA-2026-000123-R2). The pattern is published as it stands in
 * register.schema.json, so its text is part of the register format.
 */
const CERTIFICATE_NUMBER_PATTERN = /^SPQA-\d{4}-\d{6}(-R\d+)?$/;
const BASE_NUMBER_PATTERN = /^SPQA-\d{4}-\d{6}$/;

export const certificateNumberSchema = z
  .string()
  .regex(CERTIFICATE_NUMBER_PATTERN, 'not a certificate number');
/** The number a certificate was first issued under, without a reissue suffix. */
export const baseCertificateNumberSchema = z
  .string()
  .regex(BASE_NUMBER_PATTERN, 'not a certificate number');

/** The number issued as `sequence` in `year`'s sequence, e.g. SPQA-2026-000123. */
export function baseCertificateNumber(year: string, sequence: number): string {
  return `SPQA-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The number of a certificate's `reissue`th reissue (0: the original, which has no suffix). */
export function reissuedCertificateNumber(baseNumber: string, reissue: number): string {
  return reissue === 0 ? baseNumber : `${baseNumber}-R${reissue}`;
}

/** The year and sequence a number was issued under; null for anything that is not a number. */
export function parseCertificateNumber(number: string): { year: string; sequence: number } | null {
  if (!CERTIFICATE_NUMBER_PATTERN.test(number)) return null;
  // The prefix and both fields have a fixed width: "SPQA-" 0-4, year 5-8, sequence 10-15.
  return { year: number.slice(5, 9), sequence: Number(number.slice(10, 16)) };
}
