import type { Database } from 'better-sqlite3';
import { addMonths } from '../../../shared/accreditation/lifecycle';
import { CERTIFICATE_STATUSES } from '../../../shared/accreditation/vocabulary';
import type {
  DashboardItem,
  DashboardList,
  NetworkDashboard,
} from '../../../shared/contract/register';
import { addDays } from '../../../shared/evidence/freshness';
import { REGIONS } from '../../../shared/providers/vocabulary';
import type { RegisterEntry } from '../../../shared/register/schema';
import { readRegisterEntries } from './entries';

/** Renewal reminders go out a year ahead, as comparable quality marks do. */
export const RENEWAL_WINDOW_MONTHS = 12;
const LIST_LIMIT = 100;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// A renewal is under way once an external assessment of the holder has started after the one
// the certificate came from.
const RENEWING_SQL = `
  SELECT c.number FROM certificates c
  JOIN assessments own ON own.id = c.assessment_id
  WHERE c.status IN ('active', 'suspended') AND EXISTS (
    SELECT 1 FROM assessments a
    WHERE a.provider_id = c.provider_id AND a.kind = 'external' AND a.id <> own.id
      AND a.started_at > own.started_at)`;

function list(
  entries: RegisterEntry[],
  today: string,
  dateOf: (e: RegisterEntry) => string,
): DashboardList {
  const sorted = [...entries].sort((a, b) =>
    dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0,
  );
  return {
    count: sorted.length,
    items: sorted.slice(0, LIST_LIMIT).map((e): DashboardItem => ({
      certificateNumber: e.certificateNumber,
      holder: e.holder.name,
      providerId: e.holder.providerId,
      region: e.holder.region,
      status: e.status,
      expiresOn: e.expiresOn,
      conditionsDue: e.conditionsDue,
      days: daysBetween(today, dateOf(e)),
    })),
  };
}

/** The network's view of its certificates today: what is in force, where, and what needs doing. */
export function networkDashboard(db: Database, today: string): NetworkDashboard {
  const entries = readRegisterEntries(db, today);
  const renewing = new Set(
    (db.prepare(RENEWING_SQL).all() as { number: string }[]).map((r) => r.number),
  );
  const inForce = entries.filter((e) => e.status === 'active' || e.status === 'suspended');
  const within = (days: number) => addDays(today, days);
  const renewalFrom = addMonths(today, RENEWAL_WINDOW_MONTHS);

  const regions = new Map<string | null, { active: number; suspended: number }>();
  for (const entry of inForce) {
    const counts = regions.get(entry.holder.region) ?? { active: 0, suspended: 0 };
    if (entry.status === 'active') counts.active += 1;
    else counts.suspended += 1;
    regions.set(entry.holder.region, counts);
  }

  return {
    today,
    total: entries.length,
    byStatus: CERTIFICATE_STATUSES.map((status) => ({
      status,
      count: entries.filter((e) => e.status === status).length,
    })),
    byRegion: [...REGIONS, null].map((region) => ({
      region,
      ...(regions.get(region) ?? { active: 0, suspended: 0 }),
    })),
    expiringWithin30: list(
      inForce.filter((e) => e.expiresOn <= within(30)),
      today,
      (e) => e.expiresOn,
    ),
    expiringWithin90: list(
      inForce.filter((e) => e.expiresOn <= within(90)),
      today,
      (e) => e.expiresOn,
    ),
    renewalWindowMonths: RENEWAL_WINDOW_MONTHS,
    renewalsDue: list(
      inForce.filter((e) => e.expiresOn <= renewalFrom && !renewing.has(e.certificateNumber)),
      today,
      (e) => e.expiresOn,
    ),
    conditionsOverdue: list(
      inForce.filter(
        (e) => e.outcome === 'conditional' && e.conditionsDue !== null && e.conditionsDue < today,
      ),
      today,
      (e) => e.conditionsDue ?? e.expiresOn,
    ),
  };
}
