import { EXPIRY_WARNING_DAYS, type Freshness } from './schema';

export interface DatedEvidence {
  effectiveDate: string | null;
  expiryDate: string | null;
  removedAt: string | null;
}

/** Adds whole days to an ISO date (YYYY-MM-DD), in UTC so it never shifts with the clock change. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Evidence is current on a date when it is in force by then and has not expired before it. */
export function isCurrentOn(evidence: DatedEvidence, onDate: string): boolean {
  if (evidence.removedAt) return false;
  if (evidence.effectiveDate && evidence.effectiveDate > onDate) return false;
  return !evidence.expiryDate || evidence.expiryDate >= onDate;
}

export function expiresWithin(
  e: DatedEvidence,
  onDate: string,
  days = EXPIRY_WARNING_DAYS,
): boolean {
  return isCurrentOn(e, onDate) && e.expiryDate !== null && e.expiryDate <= addDays(onDate, days);
}

/**
 * The badge a criterion shows: no evidence; current; current but all of it expires within the
 * warning window (so it will soon stop counting); or evidence that is all out of date.
 */
export function freshnessOf(
  evidence: readonly DatedEvidence[],
  onDate: string,
  warningDays = EXPIRY_WARNING_DAYS,
): Freshness {
  const live = evidence.filter((e) => !e.removedAt);
  if (live.length === 0) return 'none';
  const current = live.filter((e) => isCurrentOn(e, onDate));
  if (current.length === 0) return 'expired';
  // Expiring only matters when nothing else will still be current after the window.
  const lasting = current.filter((e) => !expiresWithin(e, onDate, warningDays));
  return lasting.length === 0 ? 'expiring' : 'current';
}
