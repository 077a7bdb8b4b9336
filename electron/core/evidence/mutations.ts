import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { evidenceMetadataSchema } from '../../../shared/evidence/schema';
import { newId } from '../ids';
import type { StoredBlob } from './store';
import type { Stamp } from '../context';

export type EvidenceMetadata = z.output<typeof evidenceMetadataSchema>;

/** Records a stored file; a file that was deleted before and comes back is live again. */
export function upsertBlob(db: Database, blob: StoredBlob, now: string): void {
  db.prepare(
    `INSERT INTO evidence_blobs (sha256, size, media_type, stored_at, deleted_at) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (sha256) DO UPDATE SET deleted_at = NULL`,
  ).run(blob.sha256, blob.size, blob.mediaType, now);
}

/** The statement's parameters for the metadata both inserting and editing write. */
const metadataParams = (title: string, metadata: EvidenceMetadata) => ({
  title,
  kind: metadata.kind,
  effectiveDate: metadata.effectiveDate,
  expiryDate: metadata.expiryDate,
  personalData: metadata.personalData ? 1 : 0,
  retainUntil: metadata.retainUntil,
  notes: metadata.notes,
});

export function insertEvidence(
  db: Database,
  values: {
    assessmentId: string;
    title: string;
    metadata: EvidenceMetadata;
    file: (StoredBlob & { originalName: string }) | null;
    url: string | null;
  },
  { actor, now }: Stamp,
): string {
  const id = newId('evd');
  db.prepare(
    `INSERT INTO evidence (id, assessment_id, sha256, url, title, kind, original_name, size, media_type, effective_date,
       expiry_date, personal_data, retain_until, notes, added_by, added_at)
     VALUES (@id, @assessmentId, @sha256, @url, @title, @kind, @originalName, @size, @mediaType, @effectiveDate,
       @expiryDate, @personalData, @retainUntil, @notes, @actor, @now)`,
  ).run({
    id,
    assessmentId: values.assessmentId,
    sha256: values.file?.sha256 ?? null,
    url: values.url,
    originalName: values.file?.originalName ?? null,
    size: values.file?.size ?? null,
    mediaType: values.file?.mediaType ?? null,
    ...metadataParams(values.title, values.metadata),
    actor,
    now,
  });
  return id;
}

export function setEvidenceCriteria(
  db: Database,
  evidenceId: string,
  criteria: readonly string[],
): void {
  db.prepare('DELETE FROM evidence_criteria WHERE evidence_id = ?').run(evidenceId);
  const insert = db.prepare('INSERT INTO evidence_criteria (evidence_id, criterion) VALUES (?, ?)');
  for (const code of criteria) insert.run(evidenceId, code);
}

export function updateEvidenceMetadata(
  db: Database,
  id: string,
  { title, metadata }: { title: string; metadata: EvidenceMetadata },
): void {
  db.prepare(
    `UPDATE evidence SET title = @title, kind = @kind, effective_date = @effectiveDate, expiry_date = @expiryDate,
       personal_data = @personalData, retain_until = @retainUntil, notes = @notes WHERE id = @id`,
  ).run({ id, ...metadataParams(title, metadata) });
}

/** Live records (any assessment) that use the same stored file. */
export function liveUsersOfBlob(db: Database, sha256: string, exceptId: string): string[] {
  return (
    db
      .prepare('SELECT id FROM evidence WHERE sha256 = ? AND removed_at IS NULL AND id <> ?')
      .all(sha256, exceptId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}
