import type { Database } from 'better-sqlite3';
import { computeReadiness, type Readiness } from '../../../shared/assessment/readiness';
import type { RatingValue } from '../../../shared/assessment/ratings';
import type { AssessmentDetail, AssessmentSummary } from '../../../shared/assessment/schema';
import type { Framework } from '../../../shared/framework/schema';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { notFound } from '../errors';
import { getFramework } from '../frameworks/store';
import {
  ASSESSMENT_SELECT,
  actionFromRow,
  assessmentFromRow,
  ratingFromRow,
  type ActionRow,
  type AssessmentRow,
  type RatingRow,
} from './rows';

export function listAssessmentSummaries(
  db: Database,
  filter: { providerId?: string | undefined },
): AssessmentSummary[] {
  const rows = (
    filter.providerId
      ? db
          .prepare(
            `${ASSESSMENT_SELECT} WHERE a.provider_id = ? ORDER BY a.started_at DESC, a.id DESC`,
          )
          .all(filter.providerId)
      : db.prepare(`${ASSESSMENT_SELECT} ORDER BY a.updated_at DESC, a.id DESC`).all()
  ) as AssessmentRow[];
  return rows.map(assessmentFromRow);
}

export function getAssessment(db: Database, id: string): AssessmentSummary {
  const row = db.prepare(`${ASSESSMENT_SELECT} WHERE a.id = ?`).get(id) as
    AssessmentRow | undefined;
  if (!row) throw notFound('assessment', id);
  return assessmentFromRow(row);
}

export function assessmentFramework(db: Database, assessment: AssessmentSummary): Framework {
  return getFramework(db, assessment.frameworkId, assessment.frameworkVersion).framework;
}

export function ratingMap(db: Database, assessmentId: string): Map<string, RatingValue> {
  const rows = db
    .prepare('SELECT criterion, rating FROM ratings WHERE assessment_id = ?')
    .all(assessmentId) as Pick<RatingRow, 'criterion' | 'rating'>[];
  return new Map(rows.map((r) => [r.criterion, r.rating]));
}

export function readinessOf(db: Database, assessment: AssessmentSummary): Readiness {
  return computeReadiness(
    assessmentFramework(db, assessment),
    assessment.providerType,
    ratingMap(db, assessment.id),
  );
}

export function getAssessmentDetail(db: Database, id: string): AssessmentDetail {
  const assessment = getAssessment(db, id);
  const framework = assessmentFramework(db, assessment);
  const ratings = (
    db.prepare('SELECT * FROM ratings WHERE assessment_id = ?').all(id) as RatingRow[]
  ).map(ratingFromRow);
  const actions = (
    db
      .prepare(
        'SELECT * FROM improvement_actions WHERE assessment_id = ? ORDER BY due_date, criterion',
      )
      .all(id) as ActionRow[]
  ).map(actionFromRow);
  return {
    assessment,
    framework,
    applicableCodes: applicableCriteria(framework, assessment.providerType).map(
      (c) => c.criterion.code,
    ),
    ratings,
    actions,
    readiness: computeReadiness(
      framework,
      assessment.providerType,
      new Map(ratings.map((r) => [r.criterion, r.rating])),
    ),
  };
}
