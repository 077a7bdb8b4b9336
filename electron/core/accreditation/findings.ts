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

export function findingFromRow(row: FindingRow): Finding {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    criterion: row.criterion,
    type: row.type,
    text: row.text,
    action: row.action,
    actionOwner: row.action_owner,
    actionDue: row.action_due,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
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
