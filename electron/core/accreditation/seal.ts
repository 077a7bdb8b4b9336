import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Revision } from '../../../shared/accreditation/schema';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { canonicalJson } from '../../../shared/signing/canonical-json';
import { getAssessmentDetail } from '../assessments/queries';
import { listEvidence } from '../evidence/rows';
import { getFramework } from '../frameworks/store';
import { listFindings } from './findings';
import type { Stamp } from '../context';

export interface RevisionRow {
  assessment_id: string;
  revision: number;
  opened_at: string;
  opened_by: string;
  reason: string;
  sealed_at: string | null;
  sealed_by: string | null;
  snapshot: string | null;
  sha256: string | null;
}

export function revisionFromRow(row: RevisionRow): Revision {
  return {
    revision: row.revision,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    reason: row.reason,
    sealedAt: row.sealed_at,
    sealedBy: row.sealed_by,
    sha256: row.sha256,
  };
}

export function listRevisions(db: Database, assessmentId: string): Revision[] {
  return (
    db
      .prepare('SELECT * FROM assessment_revisions WHERE assessment_id = ? ORDER BY revision')
      .all(assessmentId) as RevisionRow[]
  ).map(revisionFromRow);
}

export function sealedRevision(
  db: Database,
  assessmentId: string,
  revision: number,
): { revision: Revision; snapshot: Snapshot } | null {
  const row = db
    .prepare(
      'SELECT * FROM assessment_revisions WHERE assessment_id = ? AND revision = ? AND sealed_at IS NOT NULL',
    )
    .get(assessmentId, revision) as RevisionRow | undefined;
  if (!row?.snapshot) return null;
  return { revision: revisionFromRow(row), snapshot: JSON.parse(row.snapshot) as Snapshot };
}

/** Everything a submission freezes: what was rated, found and relied on, against which standards. */
export interface Snapshot {
  assessment: {
    id: string;
    kind: string;
    revision: number;
    providerId: string;
    providerName: string;
    providerType: string;
    assessor: string | null;
    basedOn: string | null;
  };
  framework: { id: string; version: string; sha256: string };
  ratings: {
    criterion: string;
    rating: string;
    note: string | null;
    reason: string | null;
    overrideReason: string | null;
  }[];
  findings: {
    criterion: string;
    type: string;
    text: string;
    action: string | null;
    actionOwner: string | null;
    actionDue: string | null;
  }[];
  evidence: {
    id: string;
    title: string;
    kind: string;
    sha256: string | null;
    url: string | null;
    criteria: string[];
    effectiveDate: string | null;
    expiryDate: string | null;
  }[];
  readiness: {
    scorePercent: number;
    outcome: string;
    domains: { code: string; scorePercent: number }[];
  };
  sealedAt: string;
  sealedBy: string;
}

export function buildSnapshot(
  db: Database,
  assessment: AssessmentSummary,
  sealed: Stamp,
): Snapshot {
  const detail = getAssessmentDetail(db, assessment.id);
  const { summary } = getFramework(db, assessment.frameworkId, assessment.frameworkVersion);
  const byCode = (a: { criterion: string }, b: { criterion: string }) =>
    a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0;
  return {
    assessment: {
      id: assessment.id,
      kind: assessment.kind,
      revision: assessment.revision,
      providerId: assessment.providerId,
      providerName: assessment.providerName,
      providerType: assessment.providerType,
      assessor: assessment.assessor,
      basedOn: assessment.basedOn,
    },
    framework: {
      id: assessment.frameworkId,
      version: assessment.frameworkVersion,
      sha256: summary.sha256,
    },
    ratings: [...detail.ratings].sort(byCode).map((r) => ({
      criterion: r.criterion,
      rating: r.rating,
      note: r.note,
      reason: r.reason,
      overrideReason: r.overrideReason,
    })),
    findings: listFindings(db, assessment.id).map((f) => ({
      criterion: f.criterion,
      type: f.type,
      text: f.text,
      action: f.action,
      actionOwner: f.actionOwner,
      actionDue: f.actionDue,
    })),
    evidence: listEvidence(db, assessment.id, false).map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      sha256: e.sha256,
      url: e.url,
      criteria: e.criteria,
      effectiveDate: e.effectiveDate,
      expiryDate: e.expiryDate,
    })),
    readiness: {
      scorePercent: detail.readiness.scorePercent,
      outcome: detail.readiness.outcome,
      domains: detail.readiness.domains.map((d) => ({
        code: d.code,
        scorePercent: d.scorePercent,
      })),
    },
    sealedAt: sealed.now,
    sealedBy: sealed.actor,
  };
}

/** The SHA-256 of a sealed snapshot's RFC 8785 bytes: what a revision is sealed under. */
export function snapshotHash(snapshot: unknown): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}
