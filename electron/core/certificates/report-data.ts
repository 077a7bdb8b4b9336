import type { Database } from 'better-sqlite3';
import type { Decision, Finding, Revision } from '../../../shared/accreditation/schema';
import type { Readiness } from '../../../shared/assessment/readiness';
import type {
  AssessmentSummary,
  ImprovementAction,
  RatingRecord,
} from '../../../shared/assessment/schema';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import type { Framework } from '../../../shared/framework/schema';
import type { Provider } from '../../../shared/providers/schema';
import { getDecision } from '../accreditation/decisions';
import { listFindings } from '../accreditation/findings';
import { listRevisions } from '../accreditation/seal';
import { getAssessmentDetail } from '../assessments/queries';
import { isoToday, type Clock } from '../clock';
import { listEvidence } from '../evidence/rows';
import { getProvider } from '../providers/queries';

/** Everything an assessment report shows, gathered in one place for the PDF writer. */
export interface ReportData {
  generatedOn: string;
  assessment: AssessmentSummary;
  provider: Provider;
  framework: Framework;
  applicableCodes: string[];
  readiness: Readiness;
  ratings: RatingRecord[];
  findings: Finding[];
  actions: ImprovementAction[];
  evidence: EvidenceRecord[];
  /** The latest sealed revision, when the assessment has been submitted. */
  sealed: Revision | null;
  decision: Decision | null;
}

export function reportData(db: Database, assessmentId: string, clock: Clock): ReportData {
  const detail = getAssessmentDetail(db, assessmentId);
  const sealed = listRevisions(db, assessmentId)
    .filter((r) => r.sealedAt)
    .at(-1);
  return {
    generatedOn: isoToday(clock),
    assessment: detail.assessment,
    provider: getProvider(db, detail.assessment.providerId),
    framework: detail.framework,
    applicableCodes: detail.applicableCodes,
    readiness: detail.readiness,
    ratings: detail.ratings,
    findings: listFindings(db, assessmentId),
    actions: detail.actions,
    evidence: listEvidence(db, assessmentId, false),
    sealed: sealed ?? null,
    decision: getDecision(db, assessmentId),
  };
}
