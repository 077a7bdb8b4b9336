import type { CertificateStatus } from '../accreditation/vocabulary';

/**
 * Whether a certificate's bit is set in the published suspension list: it is not in force, so a
 * verifier must not accept its badge. The status is the one `statusOn` gives for the day of the
 * build, so any rule that puts a certificate in `suspended` reaches the list. A withdrawn or
 * superseded certificate's bit is set too and, since those statuses never change back, stays
 * set; an expired one is left clear, since its badge's `validUntil` has passed anyway.
 */
export function suspensionBitSet(status: CertificateStatus): boolean {
  return status === 'suspended' || status === 'withdrawn' || status === 'superseded';
}
