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
  const r = db
    .prepare('SELECT * FROM decisions WHERE assessment_id = ? ORDER BY revision DESC LIMIT 1')
    .get(assessmentId) as DecisionRow | undefined;
  return r ? decisionFromRow(r) : null;
}

/** One decision by its id, e.g. the one a certificate was issued for. */
export function getDecisionById(db: Database, id: string): Decision | null {
  const r = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  return r ? decisionFromRow(r) : null;
}

function decisionFromRow(r: DecisionRow): Decision {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    revision: r.revision,
    outcome: r.outcome,
    recommendedOutcome: r.recommended_outcome,
    conditions: r.conditions,
    conditionsDue: r.conditions_due,
    reasons: r.reasons,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

/** Names compared as people write them: case, spacing and accents do not make a different person. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}
