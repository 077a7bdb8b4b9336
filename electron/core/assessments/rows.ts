import type {
  AssessmentSummary,
  ImprovementAction,
  RatingRecord,
} from '../../../shared/assessment/schema';

export interface AssessmentRow {
  id: string;
  provider_id: string;
  provider_name: string;
  kind: AssessmentSummary['kind'];
  status: AssessmentSummary['status'];
  framework_id: string;
  framework_version: string;
  provider_type: AssessmentSummary['providerType'];
  started_at: string;
  started_by: string;
  updated_at: string;
  progress_percent: number;
  score_percent: number;
  outcome: AssessmentSummary['outcome'];
  assessor: string | null;
  based_on: string | null;
  conflict: string | null;
  revision: number;
  submitted_at: string | null;
}

export interface RatingRow {
  assessment_id: string;
  criterion: string;
  rating: RatingRecord['rating'];
  note: string | null;
  reason: string | null;
  override_reason: string | null;
  updated_at: string;
  updated_by: string;
}

export interface ActionRow {
  id: string;
  assessment_id: string;
  criterion: string;
  description: string;
  owner: string;
  due_date: string;
  status: ImprovementAction['status'];
  updated_at: string;
}

export const ASSESSMENT_SELECT = `SELECT a.*, p.name AS provider_name FROM assessments a JOIN providers p ON p.id = a.provider_id`;

export function assessmentFromRow(row: AssessmentRow): AssessmentSummary {
  return {
    id: row.id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    kind: row.kind,
    status: row.status,
    frameworkId: row.framework_id,
    frameworkVersion: row.framework_version,
    providerType: row.provider_type,
    startedAt: row.started_at,
    startedBy: row.started_by,
    updatedAt: row.updated_at,
    progressPercent: row.progress_percent,
    scorePercent: row.score_percent,
    outcome: row.outcome,
    assessor: row.assessor,
    basedOn: row.based_on,
    conflict: row.conflict,
    revision: row.revision,
    submittedAt: row.submitted_at,
  };
}

export function ratingFromRow(row: RatingRow): RatingRecord {
  return {
    criterion: row.criterion,
    rating: row.rating,
    note: row.note,
    reason: row.reason,
    overrideReason: row.override_reason,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function actionFromRow(row: ActionRow): ImprovementAction {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    criterion: row.criterion,
    description: row.description,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    updatedAt: row.updated_at,
  };
}
