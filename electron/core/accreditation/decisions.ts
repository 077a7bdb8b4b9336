import type { Database } from 'better-sqlite3';
import type { Decision } from '../../../shared/accreditation/schema';

interface DecisionRow {
  id: string;
  assessment_id: string;
  revision: number;
  outcome: Decision['outcome'];
  recommended_outcome: Decision['recommendedOutcome'];
  conditions: string | null;
  conditions_due: string | null;
  reasons: string | null;
  decided_by: string;
  decided_at: string;
}

/** The decision on the assessment's latest decided revision. */
export function getDecision(db: Database, assessmentId: string): Decision | null {
  const row = db
    .prepare('SELECT * FROM decisions WHERE assessment_id = ? ORDER BY revision DESC LIMIT 1')
    .get(assessmentId) as DecisionRow | undefined;
  return row ? decisionFromRow(row) : null;
}

/** One decision by its id, e.g. the one a certificate was issued for. */
export function getDecisionById(db: Database, id: string): Decision | null {
  const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  return row ? decisionFromRow(row) : null;
}

function decisionFromRow(row: DecisionRow): Decision {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    revision: row.revision,
    outcome: row.outcome,
    recommendedOutcome: row.recommended_outcome,
    conditions: row.conditions,
    conditionsDue: row.conditions_due,
    reasons: row.reasons,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** Names compared as people write them: case, spacing and accents do not make a different person. */
export function sameName(one: string, other: string): boolean {
  const normalised = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return normalised(one) === normalised(other);
}
