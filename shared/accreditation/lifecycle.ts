import { addDays } from '../evidence/freshness';
import type { CertificateStatus } from './vocabulary';

/** Stored statuses; `expired` is never stored, it follows from the date. */
export type StoredStatus = Exclude<CertificateStatus, 'expired'>;
export type LifecycleAction = 'suspend' | 'reinstate' | 'withdraw' | 'supersede';

const ALLOWED: Record<LifecycleAction, { from: StoredStatus[]; to: StoredStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  withdraw: { from: ['active', 'suspended'], to: 'withdrawn' },
  supersede: { from: ['active', 'suspended'], to: 'superseded' },
};

export interface CertificateDates {
  status: StoredStatus;
  expiresOn: string;
  /** When the current suspension began (for the reinstatement window). */
  suspendedOn: string | null;
}

/** The status a certificate has on a date: an active or suspended one past its expiry is expired. */
export function statusOn(cert: CertificateDates, onDate: string): CertificateStatus {
  if ((cert.status === 'active' || cert.status === 'suspended') && onDate > cert.expiresOn)
    return 'expired';
  return cert.status;
}

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

/**
 * Checks a lifecycle change and returns the new stored status, or the reason it is refused:
 * a withdrawn certificate stays withdrawn; an expired one cannot be suspended or reinstated;
 * a suspension ends within the framework's limit (usually 6 months) or the certificate is withdrawn.
 */
export function transition(
  cert: CertificateDates,
  action: LifecycleAction,
  onDate: string,
  maxSuspensionMonths: number,
): { ok: true; to: StoredStatus } | { ok: false; reason: string } {
  const current = statusOn(cert, onDate);
  const rule = ALLOWED[action];
  if (current === 'expired' && action !== 'supersede') {
    return {
      ok: false,
      reason: `the certificate expired on ${cert.expiresOn}; it can only be renewed`,
    };
  }
  if (!rule.from.includes(cert.status)) {
    const article = cert.status === 'active' ? 'an' : 'a';
    return {
      ok: false,
      reason: `${article} ${cert.status} certificate cannot be ${pastTense(action)}`,
    };
  }
  if (action === 'reinstate' && cert.suspendedOn) {
    const deadline = addMonths(cert.suspendedOn, maxSuspensionMonths);
    if (onDate > deadline) {
      return {
        ok: false,
        reason: `it was suspended on ${cert.suspendedOn}; reinstatement was possible until ${deadline}, so it can now only be withdrawn`,
      };
    }
  }
  return { ok: true, to: rule.to };
}

export function pastTense(action: LifecycleAction): string {
  return {
    suspend: 'suspended',
    reinstate: 'reinstated',
    withdraw: 'withdrawn',
    supersede: 'superseded',
  }[action];
}

/** Expiry follows the framework's validity period from the issue date (3 years by default). */
export function expiryFor(issuedOn: string, validityYears: number): string {
  return addDays(addMonths(issuedOn, validityYears * 12), -1);
}

export { addMonths };
