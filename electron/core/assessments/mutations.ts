import type { Database } from 'better-sqlite3';
import type { Readiness } from '../../../shared/assessment/readiness';
import { RATING_LABELS, type RatingValue } from '../../../shared/assessment/ratings';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { Framework } from '../../../shared/framework/schema';
import { criterionAppliesTo, findCriterion } from '../../../shared/framework/traverse';
import { PROVIDER_TYPE_LABELS } from '../../../shared/providers/vocabulary';
import { invalid, refused } from '../errors';
import { newId } from '../ids';
import { readinessOf } from './queries';
import type { Stamp } from '../context';

/** Ratings and plans can change only while an assessment is open; submission seals it. */
export function assertOpen(assessment: AssessmentSummary): void {
  if (assessment.conflict) {
    throw refused(
      `assessment ${assessment.id} is blocked: the assessor declared a conflict of interest (${assessment.conflict})`,
    );
  }
  if (assessment.status === 'submitted' || assessment.status === 'decided') {
    throw refused(
      `assessment ${assessment.id} is ${assessment.status} and sealed; open a new revision to change it`,
    );
  }
}

/** The criterion must exist in the pinned framework and apply to the provider's type. */
export function assertRateable(
  framework: Framework,
  assessment: AssessmentSummary,
  code: string,
): void {
  const located = findCriterion(framework, code);
  if (!located) {
    throw invalid(`unknown criterion code "${code}" in ${framework.id}@${framework.version}`, {
      field: 'criterion',
    });
  }
  if (!criterionAppliesTo(located.criterion, assessment.providerType)) {
    throw invalid(
      `criterion ${code} does not apply to a provider of type "${PROVIDER_TYPE_LABELS[assessment.providerType]}"`,
      { field: 'criterion' },
    );
  }
}

export interface RatingChange {
  criterion: string;
  rating: RatingValue | null;
  note: string | null;
  reason: string | null;
  overrideReason: string | null;
}

export function checkRatingChange(change: RatingChange): void {
  if (change.rating === 'na' && !change.reason) {
    throw invalid(`${RATING_LABELS.na} needs a reason (criterion ${change.criterion})`, {
      field: 'reason',
    });
  }
}

/**
 * An essential criterion is Met only on evidence: at least one piece current on the assessment
 * date, or a recorded reason for overriding that (which the assessor sees).
 */
export function checkEvidenceForMet(
  framework: Framework,
  change: RatingChange,
  currentEvidence: () => number,
  onDate: string,
): void {
  if (change.rating !== 'met' || change.overrideReason) return;
  const located = findCriterion(framework, change.criterion);
  if (located?.criterion.level !== 'essential') return;
  if (currentEvidence() > 0) return;
  throw invalid(
    `${change.criterion} is essential: rating it Met needs at least one piece of evidence current on ${onDate}, ` +
      'or an override reason',
    { field: 'overrideReason', rule: 'evidence_required' },
  );
}

interface PreviousRating {
  rating: RatingValue;
  note: string | null;
  reason: string | null;
  overrideReason: string | null;
}

/** Writes (or clears) one rating; returns the previous value for the audit trail. */
export function writeRating(
  db: Database,
  assessmentId: string,
  change: RatingChange,
  { actor, now }: Stamp,
): PreviousRating | null {
  const previous = db
    .prepare(
      `SELECT rating, note, reason, override_reason AS overrideReason FROM ratings
       WHERE assessment_id = ? AND criterion = ?`,
    )
    .get(assessmentId, change.criterion) as PreviousRating | undefined;
  if (change.rating === null) {
    db.prepare('DELETE FROM ratings WHERE assessment_id = ? AND criterion = ?').run(
      assessmentId,
      change.criterion,
    );
  } else {
    db.prepare(
      `INSERT INTO ratings (assessment_id, criterion, rating, note, reason, override_reason, updated_at, updated_by)
       VALUES (@assessmentId, @criterion, @rating, @note, @reason, @overrideReason, @now, @actor)
       ON CONFLICT (assessment_id, criterion) DO UPDATE SET rating = excluded.rating, note = excluded.note,
         reason = excluded.reason, override_reason = excluded.override_reason, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({
      assessmentId,
      criterion: change.criterion,
      rating: change.rating,
      note: change.note,
      // A reason belongs to Not applicable; keeping an old one on Met would mislead.
      reason: change.rating === 'na' ? change.reason : null,
      overrideReason: change.rating === 'met' ? change.overrideReason : null,
      now,
      actor,
    });
  }
  return previous ?? null;
}

/** Recomputes the cached progress, score and outcome shown in lists, and moves a draft on. */
export function refreshAssessmentSummary(
  db: Database,
  assessment: AssessmentSummary,
  now: string,
): Readiness {
  const readiness = readinessOf(db, assessment);
  db.prepare(
    `UPDATE assessments SET progress_percent = @progress, score_percent = @score, outcome = @outcome,
       status = CASE WHEN status = 'draft' AND @rated > 0 THEN 'in-progress' ELSE status END, updated_at = @now
     WHERE id = @id`,
  ).run({
    id: assessment.id,
    progress: readiness.progressPercent,
    score: readiness.scorePercent,
    outcome: readiness.outcome,
    rated: readiness.rated,
    now,
  });
  return readiness;
}

export function insertAssessment(
  db: Database,
  values: {
    providerId: string;
    kind: AssessmentSummary['kind'];
    framework: Framework;
    providerType: AssessmentSummary['providerType'];
  },
  { actor, now }: Stamp,
): string {
  const id = newId('asm');
  db.prepare(
    `INSERT INTO assessments (id, provider_id, kind, status, framework_id, framework_version, provider_type,
       started_at, started_by, updated_at)
     VALUES (@id, @providerId, @kind, 'draft', @frameworkId, @frameworkVersion, @providerType, @now, @actor, @now)`,
  ).run({
    id,
    providerId: values.providerId,
    kind: values.kind,
    frameworkId: values.framework.id,
    frameworkVersion: values.framework.version,
    providerType: values.providerType,
    now,
    actor,
  });
  // Every assessment opens at revision 1; submitting seals that revision.
  db.prepare(
    `INSERT INTO assessment_revisions (assessment_id, revision, opened_at, opened_by, reason)
     VALUES (?, 1, ?, ?, 'first assessment')`,
  ).run(id, now, actor);
  return id;
}

export interface ActionValues {
  criterion: string;
  description: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
}

/** One improvement action per criterion: saving again replaces it. */
export function upsertAction(
  db: Database,
  assessmentId: string,
  values: ActionValues,
  now: string,
): void {
  db.prepare(
    `INSERT INTO improvement_actions (id, assessment_id, criterion, description, owner, due_date, status,
       created_at, updated_at)
     VALUES (@id, @assessmentId, @criterion, @description, @owner, @dueDate, @status, @now, @now)
     ON CONFLICT (assessment_id, criterion) DO UPDATE SET description = excluded.description,
       owner = excluded.owner, due_date = excluded.due_date, status = excluded.status,
       updated_at = excluded.updated_at`,
  ).run({ id: newId('act'), assessmentId, ...values, now });
}
