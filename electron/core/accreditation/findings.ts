import type { Database } from 'better-sqlite3';
import type { Finding } from '../../../shared/accreditation/schema';
import type { FindingType } from '../../../shared/accreditation/vocabulary';
import { notFound } from '../errors';

export interface FindingRow {
  id: string;
  assessment_id: string;
  criterion: string;
  type: FindingType;
  text: string;
  action: string | null;
  action_owner: string | null;
  action_due: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export function findingFromRow(r: FindingRow): Finding {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    criterion: r.criterion,
    type: r.type,
    text: r.text,
    action: r.action,
    actionOwner: r.action_owner,
    actionDue: r.action_due,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function listFindings(db: Database, assessmentId: string): Finding[] {
  return (
    db
      .prepare('SELECT * FROM findings WHERE assessment_id = ? ORDER BY criterion, created_at, id')
      .all(assessmentId) as FindingRow[]
  ).map(findingFromRow);
}

export function getFinding(db: Database, id: string): Finding {
  const row = db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
  if (!row) throw notFound('finding', id);
  return findingFromRow(row);
}
