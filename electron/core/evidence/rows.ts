import type { Database } from 'better-sqlite3';
import type { EvidenceKind, EvidenceRecord } from '../../../shared/evidence/schema';
import { notFound } from '../errors';

export interface EvidenceRow {
  id: string;
  assessment_id: string;
  sha256: string | null;
  url: string | null;
  title: string;
  kind: EvidenceKind;
  original_name: string | null;
  size: number | null;
  media_type: string | null;
  effective_date: string | null;
  expiry_date: string | null;
  personal_data: number;
  retain_until: string | null;
  notes: string | null;
  added_by: string;
  added_at: string;
  removed_at: string | null;
  removed_by: string | null;
  removal_reason: string | null;
}

export function evidenceFromRow(row: EvidenceRow, criteria: string[]): EvidenceRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    criteria,
    title: row.title,
    kind: row.kind,
    sha256: row.sha256,
    url: row.url,
    originalName: row.original_name,
    size: row.size,
    mediaType: row.media_type,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    personalData: row.personal_data === 1,
    retainUntil: row.retain_until,
    notes: row.notes,
    addedBy: row.added_by,
    addedAt: row.added_at,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removalReason: row.removal_reason,
  };
}

function criteriaByEvidence(db: Database, ids: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = db
    .prepare(
      `SELECT evidence_id, criterion FROM evidence_criteria
       WHERE evidence_id IN (SELECT value FROM json_each(?)) ORDER BY criterion`,
    )
    .all(JSON.stringify(ids)) as { evidence_id: string; criterion: string }[];
  for (const row of rows) {
    const list = map.get(row.evidence_id) ?? [];
    list.push(row.criterion);
    map.set(row.evidence_id, list);
  }
  return map;
}

export function recordsFromRows(db: Database, rows: EvidenceRow[]): EvidenceRecord[] {
  const criteria = criteriaByEvidence(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => evidenceFromRow(r, criteria.get(r.id) ?? []));
}

export function getEvidence(db: Database, id: string): EvidenceRecord {
  const row = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) throw notFound('evidence', id);
  const [record] = recordsFromRows(db, [row]);
  if (!record) throw notFound('evidence', id);
  return record;
}

/** In the order added; rowid keeps the order within one add (a folder), as ids are random. */
export function listEvidence(
  db: Database,
  assessmentId: string,
  includeRemoved: boolean,
): EvidenceRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM evidence WHERE assessment_id = ? ${includeRemoved ? '' : 'AND removed_at IS NULL'}
       ORDER BY added_at, rowid`,
    )
    .all(assessmentId) as EvidenceRow[];
  return recordsFromRows(db, rows);
}
