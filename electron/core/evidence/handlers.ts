import { basename, join } from 'node:path';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { evidenceMethods } from '../../../shared/contract/evidence';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { addDays, expiresWithin } from '../../../shared/evidence/freshness';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { assessmentDate } from '../assessments/dates';
import { assertOpen } from '../assessments/mutations';
import { assessmentFramework, getAssessment } from '../assessments/queries';
import { isoToday } from '../clock';
import { change, type CoreContext, type HandlersFor, type StagedUpload } from '../context';
import { invalid, notFound, refused } from '../errors';
import { criterionFreshness } from './currency';
import {
  insertEvidence,
  liveUsersOfBlob,
  setEvidenceCriteria,
  updateEvidenceMetadata,
  upsertBlob,
} from './mutations';
import { getEvidence, listEvidence, recordsFromRows, type EvidenceRow } from './rows';
import {
  blobPath,
  deleteStoredFile,
  hashStoredFile,
  ingestStream,
  listStoredHashes,
  openSourceFile,
  storeRoot,
} from './store';
import { UNKNOWN_MEDIA_TYPE } from './sniff';

const PREVIEW_LIMIT = 25 * 1024 * 1024;
const TEXT_PREVIEW_LIMIT = 1024 * 1024;

/** Criteria named for evidence must be ones this assessment asks. */
function checkCriteria(ctx: CoreContext, assessmentId: string, criteria: readonly string[]): void {
  const assessment = getAssessment(ctx.db, assessmentId);
  const applicable = new Set(
    applicableCriteria(assessmentFramework(ctx.db, assessment), assessment.providerType).map(
      (c) => c.criterion.code,
    ),
  );
  const unknown = criteria.filter((c) => !applicable.has(c));
  if (unknown.length > 0) {
    throw invalid(`criterion ${unknown.join(', ')} is not asked in assessment ${assessmentId}`, {
      field: 'criteria',
    });
  }
}

/** Reports copying progress a few times a second at most, whatever the chunk size. */
function throttledBytes(ctx: CoreContext, phase: string, total: number) {
  let last = 0;
  return (bytes: number) => {
    const now = Date.now();
    if (bytes === total || now - last > 100) {
      last = now;
      ctx.progress({ phase, done: bytes, total });
    }
  };
}

/** A piece of evidence that may still be changed: not removed, on an assessment still open. */
function editableEvidence(ctx: CoreContext, id: string): EvidenceRecord {
  const evidence = getEvidence(ctx.db, id);
  if (evidence.removedAt) throw refused(`evidence ${id} was removed`);
  assertOpen(getAssessment(ctx.db, evidence.assessmentId));
  return evidence;
}

export const evidenceHandlers: HandlersFor<typeof evidenceMethods> = {
  'evidence.add': async (input, ctx) => {
    const assessment = getAssessment(ctx.db, input.assessmentId);
    assertOpen(assessment);
    checkCriteria(ctx, assessment.id, input.criteria);
    // Files are stored first; the records are then written in one transaction, so either every
    // piece is recorded or none is. If any piece fails, the files this request stored are taken
    // out again; only a crash can leave one behind (an orphan, reported by verify, cleared on request).
    const items: { file: StagedUpload | null; url: string | null }[] = [];
    const storedHere: string[] = [];
    let records: EvidenceRecord[];
    try {
      for (const source of input.sources) {
        if (source.kind === 'link') {
          items.push({ file: null, url: source.url });
        } else if (source.kind === 'path') {
          const { stream, size } = await openSourceFile(source.path);
          const name = basename(source.path);
          const { created, ...blob } = await ingestStream(
            storeRoot(ctx.dataDir),
            stream,
            size,
            throttledBytes(ctx, `copying ${name}`, size),
          );
          if (created) storedHere.push(blob.sha256);
          items.push({ file: { ...blob, originalName: name }, url: null });
        } else {
          const staged = ctx.uploads.get(source.uploadId);
          if (!staged) throw invalid(`upload ${source.uploadId} is unknown or was already used`);
          items.push({ file: staged, url: null });
        }
      }
      records = change(ctx, (now, audit) =>
        items.map(({ file, url }) => {
          const title =
            (items.length === 1 ? input.metadata.title : undefined) ??
            file?.originalName ??
            url ??
            'Evidence';
          if (file) upsertBlob(ctx.db, file, now);
          const id = insertEvidence(
            ctx.db,
            { assessmentId: assessment.id, title, metadata: input.metadata, file, url },
            { actor: ctx.actor, now },
          );
          setEvidenceCriteria(ctx.db, id, input.criteria);
          audit({
            action: 'evidence.added',
            entityType: 'evidence',
            entityId: id,
            detail: {
              assessmentId: assessment.id,
              criteria: input.criteria,
              sha256: file?.sha256 ?? null,
              url,
              title,
            },
          });
          return getEvidence(ctx.db, id);
        }),
      );
    } catch (error) {
      await discardUnrecorded(ctx, storedHere);
      throw error;
    }
    for (const source of input.sources)
      if (source.kind === 'upload') ctx.uploads.delete(source.uploadId);
    return records;
  },
  'evidence.update': (input, ctx) =>
    change(ctx, (_now, audit) => {
      const before = editableEvidence(ctx, input.id);
      updateEvidenceMetadata(ctx.db, input.id, {
        title: input.metadata.title ?? before.title,
        metadata: input.metadata,
      });
      audit({
        action: 'evidence.updated',
        entityType: 'evidence',
        entityId: input.id,
        detail: { before, after: input.metadata },
      });
      return getEvidence(ctx.db, input.id);
    }),
  'evidence.attach': (input, ctx) =>
    change(ctx, (_now, audit) => {
      const before = editableEvidence(ctx, input.id);
      checkCriteria(ctx, before.assessmentId, input.criteria);
      setEvidenceCriteria(ctx.db, input.id, input.criteria);
      audit({
        action: 'evidence.attached',
        entityType: 'evidence',
        entityId: input.id,
        detail: { before: before.criteria, after: input.criteria },
      });
      return getEvidence(ctx.db, input.id);
    }),
  'evidence.list': (input, ctx) => {
    getAssessment(ctx.db, input.assessmentId);
    return listEvidence(ctx.db, input.assessmentId, input.includeRemoved);
  },
  'evidence.get': (input, ctx) => getEvidence(ctx.db, input.id),
  'evidence.preview': async (input, ctx) => {
    const record = getEvidence(ctx.db, input.id);
    if (!record.sha256 || record.removedAt) throw refused('there is no stored file to preview');
    refuseIfNotHeld(ctx, record.sha256);
    const size = record.size ?? 0;
    const isText = (record.mediaType ?? '').startsWith('text/');
    if (!isText && size > PREVIEW_LIMIT) {
      throw refused(
        `the file is ${Math.round(size / 1048576)} MB, too large to preview here; open it with your own viewer`,
      );
    }
    const bytes = await readFile(blobPath(storeRoot(ctx.dataDir), record.sha256)).catch(() => {
      throw notFound('stored file for evidence', input.id);
    });
    const truncated = isText && bytes.length > TEXT_PREVIEW_LIMIT;
    return {
      mediaType: record.mediaType ?? UNKNOWN_MEDIA_TYPE,
      base64: (truncated ? bytes.subarray(0, TEXT_PREVIEW_LIMIT) : bytes).toString('base64'),
      truncated,
    };
  },
  'evidence.locate': (input, ctx) => locate(ctx, input.id),
  'evidence.exportCopy': async (input, ctx) => {
    const located = locate(ctx, input.id);
    // A fresh folder per copy: the original name is kept (so the system knows the type), clashes cannot happen.
    const folder = await mkdtemp(join(tmpdir(), 'spqa-view-'));
    const target = join(folder, located.fileName);
    await copyFile(located.path, target);
    return { path: target };
  },
  'evidence.freshness': (input, ctx) => {
    const assessment = getAssessment(ctx.db, input.assessmentId);
    const onDate = assessmentDate(assessment, ctx.clock);
    return { onDate, criteria: criterionFreshness(ctx.db, assessment.id, { onDate }) };
  },
  'evidence.expiring': (input, ctx) => {
    const onDate = isoToday(ctx.clock);
    const rows = ctx.db
      .prepare(
        `SELECT a.id AS assessment_id, p.name AS provider_name, c.criterion, e.id AS evidence_id, e.title,
                e.effective_date, e.expiry_date
         FROM evidence e
         JOIN evidence_criteria c ON c.evidence_id = e.id
         JOIN assessments a ON a.id = e.assessment_id
         JOIN providers p ON p.id = a.provider_id
         WHERE e.removed_at IS NULL AND a.status IN ('draft', 'in-progress')
           AND e.expiry_date IS NOT NULL AND e.expiry_date >= ? AND e.expiry_date <= ?
         ORDER BY e.expiry_date, p.name, c.criterion`,
      )
      .all(onDate, addDays(onDate, input.withinDays)) as {
      assessment_id: string;
      provider_name: string;
      criterion: string;
      evidence_id: string;
      title: string;
      effective_date: string | null;
      expiry_date: string;
    }[];
    // A criterion relies on expiring evidence when nothing else it has will still be current
    // after the window asked about (not the default 30 days: `--days 60` must see the 45-day piece).
    const freshness = new Map<string, ReturnType<typeof criterionFreshness>>();
    const freshnessIn = (assessmentId: string) => {
      const known =
        freshness.get(assessmentId) ??
        criterionFreshness(ctx.db, assessmentId, { onDate, warningDays: input.withinDays });
      freshness.set(assessmentId, known);
      return known;
    };
    const relying = rows.filter((row) => {
      const fresh = freshnessIn(row.assessment_id)[row.criterion];
      return (
        fresh?.freshness === 'expiring' &&
        expiresWithin(
          { effectiveDate: row.effective_date, expiryDate: row.expiry_date, removedAt: null },
          onDate,
          input.withinDays,
        )
      );
    });
    const items = relying.map((r) => ({
      assessmentId: r.assessment_id,
      providerName: r.provider_name,
      criterion: r.criterion,
      evidenceId: r.evidence_id,
      title: r.title,
      expiryDate: r.expiry_date,
    }));
    return {
      onDate,
      criteria: new Set(items.map((i) => `${i.assessmentId}:${i.criterion}`)).size,
      items,
    };
  },
  'evidence.verify': async (_input, ctx) => {
    const root = storeRoot(ctx.dataDir);
    const blobs = ctx.db
      .prepare('SELECT sha256, size FROM evidence_blobs WHERE deleted_at IS NULL ORDER BY sha256')
      .all() as {
      sha256: string;
      size: number;
    }[];
    const users = (sha256: string) =>
      (
        ctx.db.prepare('SELECT id FROM evidence WHERE sha256 = ? ORDER BY id').all(sha256) as {
          id: string;
        }[]
      ).map((r) => r.id);
    const total = blobs.reduce((n, b) => n + b.size, 0);
    let done = 0;
    let lastReport = 0;
    const missing: { sha256: string; evidenceIds: string[] }[] = [];
    const altered: { sha256: string; actual: string; evidenceIds: string[] }[] = [];
    for (const blob of blobs) {
      const actual = await hashStoredFile(root, blob.sha256, (bytes) => {
        const now = Date.now();
        if (now - lastReport > 100) {
          lastReport = now;
          ctx.progress({ phase: 'checking evidence files', done: done + bytes, total });
        }
      });
      done += blob.size;
      if (actual === null) missing.push({ sha256: blob.sha256, evidenceIds: users(blob.sha256) });
      else if (actual !== blob.sha256)
        altered.push({ sha256: blob.sha256, actual, evidenceIds: users(blob.sha256) });
    }
    ctx.progress({ phase: 'checking evidence files', done: total, total });
    const orphans = (await findOrphans(ctx)).length;
    return {
      checked: blobs.length,
      bytes: total,
      ok: missing.length === 0 && altered.length === 0,
      missing,
      altered,
      orphans,
    };
  },
  'evidence.removeOrphans': async (_input, ctx) => {
    const orphans = await findOrphans(ctx);
    const root = storeRoot(ctx.dataDir);
    let removedBytes = 0;
    // Sized from the file itself: most orphans (an add cut short) never had a blob row.
    for (const sha256 of orphans) removedBytes += await deleteStoredFile(root, sha256);
    if (orphans.length > 0) {
      change(ctx, (now, audit) => {
        const mark = ctx.db.prepare('UPDATE evidence_blobs SET deleted_at = ? WHERE sha256 = ?');
        for (const sha256 of orphans) mark.run(now, sha256);
        audit({
          action: 'evidence.orphans-removed',
          entityType: 'evidence-store',
          entityId: 'store',
          detail: { files: orphans },
        });
      });
    }
    return { removedFiles: orphans.length, removedBytes };
  },
  'evidence.remove': async (input, ctx) => {
    const record = getEvidence(ctx.db, input.id);
    if (record.removedAt)
      throw refused(`evidence ${input.id} was already removed on ${record.removedAt.slice(0, 10)}`);
    const assessment = getAssessment(ctx.db, record.assessmentId);
    if (assessment.status === 'submitted' || assessment.status === 'decided') {
      throw refused(
        `evidence ${input.id} belongs to assessment ${assessment.id}, which is ${assessment.status}; sealed evidence cannot be deleted`,
      );
    }
    // Evidence sealed into an earlier revision stays while that revision's seal refers to it,
    // even once a new revision is open. The one exception is personal data past its keep-until
    // date: the duty to delete it wins, and the tombstone keeps its hash beside the seal.
    const sealedAt = ctx.db
      .prepare('SELECT sealed_at FROM evidence WHERE id = ?')
      .pluck()
      .get(input.id) as string | null;
    const dueForDeletion =
      record.personalData &&
      record.retainUntil !== null &&
      record.retainUntil < isoToday(ctx.clock);
    if (sealedAt && !dueForDeletion) {
      throw refused(
        `evidence ${input.id} was sealed into a submitted revision of assessment ${assessment.id} on ${sealedAt.slice(0, 10)}; sealed evidence cannot be deleted (personal data can be once past its keep-until date)`,
      );
    }
    const sharedWith = record.sha256 ? liveUsersOfBlob(ctx.db, record.sha256, record.id) : [];
    const fileDeleted = record.sha256 !== null && sharedWith.length === 0;
    // The record is tombstoned first; if deleting the file then fails, verify reports it and it can be retried.
    change(ctx, (now, audit) => {
      ctx.db
        .prepare(
          'UPDATE evidence SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?',
        )
        .run(now, ctx.actor, input.reason, input.id);
      if (fileDeleted && record.sha256) {
        ctx.db
          .prepare('UPDATE evidence_blobs SET deleted_at = ? WHERE sha256 = ?')
          .run(now, record.sha256);
      }
      audit({
        action: 'evidence.removed',
        entityType: 'evidence',
        entityId: input.id,
        detail: {
          reason: input.reason,
          sha256: record.sha256,
          title: record.title,
          fileDeleted,
          sharedWith,
        },
      });
    });
    if (fileDeleted && record.sha256) await deleteStoredFile(storeRoot(ctx.dataDir), record.sha256);
    return { record: getEvidence(ctx.db, input.id), fileDeleted, sharedWith };
  },
  'evidence.retention': (_input, ctx) => {
    const onDate = isoToday(ctx.clock);
    const rows = ctx.db
      .prepare(
        `SELECT e.*, p.name AS provider_name FROM evidence e
         JOIN assessments a ON a.id = e.assessment_id JOIN providers p ON p.id = a.provider_id
         WHERE e.removed_at IS NULL AND e.retain_until IS NOT NULL AND e.retain_until < ?
         ORDER BY e.retain_until, e.id`,
      )
      .all(onDate) as (EvidenceRow & { provider_name: string })[];
    const records = recordsFromRows(ctx.db, rows);
    return {
      onDate,
      items: records.map((r, i) => ({ ...r, providerName: rows[i]?.provider_name ?? '' })),
    };
  },
};

function locate(
  ctx: CoreContext,
  id: string,
): { path: string; fileName: string; mediaType: string } {
  const record = getEvidence(ctx.db, id);
  if (!record.sha256 || record.removedAt) throw refused('this evidence has no stored file');
  refuseIfNotHeld(ctx, record.sha256);
  return {
    path: blobPath(storeRoot(ctx.dataDir), record.sha256),
    fileName: safeFileName(record.originalName ?? record.sha256),
    mediaType: record.mediaType ?? UNKNOWN_MEDIA_TYPE,
  };
}

/**
 * A live record whose file is recorded as not held here came from a bundle that left the file
 * out (personal data the sender chose not to include, or a file the sender did not hold itself):
 * say so, not "file missing".
 */
function refuseIfNotHeld(ctx: CoreContext, sha256: string): void {
  const blob = ctx.db
    .prepare('SELECT deleted_at FROM evidence_blobs WHERE sha256 = ?')
    .get(sha256) as { deleted_at: string | null } | undefined;
  if (blob?.deleted_at) {
    throw refused(
      'the file is not held here: it was left out of the bundle this evidence was imported from ' +
        '(a bundle carries files holding personal data only when its sender includes them, and ' +
        'only files its sender holds); ask whoever holds the file for a copy',
    );
  }
}

/** A name safe to create on any platform: no separators, controls or reserved characters. */
function safeFileName(name: string): string {
  // Control characters (a newline in a name) are what must go.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f<>:"/\\|?*]/g;
  const cleaned = name.replace(unsafe, '_').replace(/^\.+/, '_').slice(0, 200);
  return cleaned || 'evidence';
}

/** Deletes files a failed request stored, unless something has come to use them meanwhile. */
async function discardUnrecorded(ctx: CoreContext, hashes: readonly string[]): Promise<void> {
  const staged = new Set([...ctx.uploads.values()].map((u) => u.sha256));
  const recorded = ctx.db.prepare(
    'SELECT 1 FROM evidence_blobs WHERE sha256 = ? AND deleted_at IS NULL',
  );
  for (const sha256 of hashes) {
    if (!staged.has(sha256) && !recorded.get(sha256))
      await deleteStoredFile(storeRoot(ctx.dataDir), sha256);
  }
}

/** Stored files nothing live refers to: left by an interrupted add, or by records since removed. */
async function findOrphans(ctx: CoreContext): Promise<string[]> {
  const live = new Set(
    (
      ctx.db
        .prepare(
          'SELECT DISTINCT sha256 FROM evidence WHERE sha256 IS NOT NULL AND removed_at IS NULL',
        )
        .all() as {
        sha256: string;
      }[]
    ).map((r) => r.sha256),
  );
  for (const staged of ctx.uploads.values()) live.add(staged.sha256);
  return (await listStoredHashes(storeRoot(ctx.dataDir))).filter((sha256) => !live.has(sha256));
}
