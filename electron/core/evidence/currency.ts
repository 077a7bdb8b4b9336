import type { Database } from 'better-sqlite3';
import { freshnessOf, isCurrentOn, type DatedEvidence } from '../../../shared/evidence/freshness';
import type { Freshness } from '../../../shared/evidence/schema';

interface LinkedRow {
  criterion: string;
  effective_date: string | null;
  expiry_date: string | null;
  removed_at: string | null;
}

function linkedEvidence(db: Database, assessmentId: string): Map<string, DatedEvidence[]> {
  const rows = db
    .prepare(
      `SELECT c.criterion, e.effective_date, e.expiry_date, e.removed_at
       FROM evidence_criteria c JOIN evidence e ON e.id = c.evidence_id
       WHERE e.assessment_id = ? AND e.removed_at IS NULL`,
    )
    .all(assessmentId) as LinkedRow[];
  const map = new Map<string, DatedEvidence[]>();
  for (const row of rows) {
    const list = map.get(row.criterion) ?? [];
    list.push({
      effectiveDate: row.effective_date,
      expiryDate: row.expiry_date,
      removedAt: row.removed_at,
    });
    map.set(row.criterion, list);
  }
  return map;
}

/** How many pieces of evidence for this criterion are current on the date. */
export function currentEvidenceCount(
  db: Database,
  { assessmentId, criterion, onDate }: { assessmentId: string; criterion: string; onDate: string },
): number {
  return (linkedEvidence(db, assessmentId).get(criterion) ?? []).filter((e) =>
    isCurrentOn(e, onDate),
  ).length;
}

/** Each criterion with evidence: its badge, how many pieces, how many current. */
export function criterionFreshness(
  db: Database,
  assessmentId: string,
  { onDate, warningDays }: { onDate: string; warningDays?: number },
): Record<string, { freshness: Freshness; count: number; current: number }> {
  const out: Record<string, { freshness: Freshness; count: number; current: number }> = {};
  for (const [criterion, list] of linkedEvidence(db, assessmentId)) {
    out[criterion] = {
      freshness: freshnessOf(list, onDate, warningDays),
      count: list.length,
      current: list.filter((e) => isCurrentOn(e, onDate)).length,
    };
  }
  return out;
}
