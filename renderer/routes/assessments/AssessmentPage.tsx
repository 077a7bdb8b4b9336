import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import type { Readiness } from '../../../shared/assessment/readiness';
import type { AssessmentDetail, RatingRecord } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad, type LoadState } from '../../api/use-load';
import { LoadedPage, LoadProblem } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { useExternalContext } from '../accreditation/use-external-context';
import { evidenceByCriterion } from '../evidence/by-criterion';
import { AssessmentHeader } from './AssessmentHeader';
import { AssessmentNotices, SealedNotice } from './AssessmentNotices';
import { DomainCriteria } from './DomainCriteria';
import { DomainNav, DomainPager } from './DomainNav';
import { ExpiringSummary } from './ExpiringSummary';
import type { RatingDraft } from './use-criterion-rating';
import { useCriterionTarget, useDomainFocus } from './use-rating-focus';

export interface AssessmentEvidence {
  list: EvidenceRecord[];
  byCriterion: Map<string, EvidenceRecord[]>;
  freshness: MethodOutput<'evidence.freshness'>;
}

export function AssessmentPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  // Evidence loads on its own, so adding a file refreshes it without resetting the ratings.
  const evidence = useLoad(async (): Promise<AssessmentEvidence> => {
    const [list, freshness] = await Promise.all([
      invoke('evidence.list', { assessmentId: id }),
      invoke('evidence.freshness', { assessmentId: id }),
    ]);
    return { list, byCriterion: evidenceByCriterion(list), freshness };
  }, [id]);
  return (
    <LoadedPage title="Assessment" state={state} what="the assessment">
      {(detail) => <Assessment detail={detail} evidence={evidence} />}
    </LoadedPage>
  );
}

/**
 * Rating an assessment, one domain at a time: each criterion's card saves as it is rated, and the
 * progress, readiness and announcement follow each save without reloading the screen.
 */
function Assessment({
  detail,
  evidence,
}: {
  detail: AssessmentDetail;
  evidence: LoadState<AssessmentEvidence>;
}) {
  const { domain: domainParam } = useParams();
  const { assessment, framework } = detail;
  const id = assessment.id;
  const external = useExternalContext(assessment);
  const [ratings, setRatings] = useState<Map<string, RatingRecord> | null>(null);
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const domainHeading = useDomainFocus(domainParam);
  useCriterionTarget();

  const applicable = useMemo(() => new Set(detail.applicableCodes), [detail]);
  const currentRatings = ratings ?? new Map(detail.ratings.map((r) => [r.criterion, r]));
  const currentReadiness = readiness ?? detail.readiness;
  const isExternal = assessment.kind === 'external';
  const blocked = Boolean(assessment.conflict);
  const submitted = assessment.status === 'submitted' || assessment.status === 'decided';
  const heading = `${isExternal ? 'External assessment' : 'Self-assessment'}: ${assessment.providerName}`;
  const domains = framework.domains.filter((candidate) =>
    candidate.standards.some((s) => s.criteria.some((c) => applicable.has(c.code))),
  );
  const domain = domains.find((candidate) => candidate.code === domainParam) ?? domains[0];

  async function save(code: string, draft: RatingDraft) {
    const result = await invoke('assessments.rate', {
      id,
      criterion: code,
      rating: draft.rating,
      note: draft.note || null,
      reason: draft.reason || null,
      overrideReason: draft.overrideReason || null,
    });
    setRatings((previous) => {
      const next = new Map(previous ?? currentRatings);
      if (result.rating) next.set(code, result.rating);
      else next.delete(code);
      return next;
    });
    setReadiness(result.readiness);
    setAnnouncement(
      result.rating
        ? `Saved: ${code} rated ${RATING_LABELS[result.rating.rating]}.${result.rating.overrideReason ? ' The reason it is met without current evidence is recorded for the assessor.' : ''}`
        : `Saved: rating for ${code} cleared.`,
    );
  }

  return (
    <Page title={heading} heading={heading}>
      <AssessmentHeader assessment={assessment} current="rate" />
      <AssessmentNotices assessment={assessment} self={external.self.data} />
      <LoadProblem state={external.self} />
      <LoadProblem state={external.findings} />
      <ProgressBar
        label="Criteria rated"
        value={currentReadiness.rated}
        max={currentReadiness.applicable}
        text={`${currentReadiness.rated} of ${currentReadiness.applicable} rated`}
        id="overall-progress"
      />
      <p role="status" className="status-line" aria-live="polite">
        {announcement}
      </p>
      {evidence.data ? (
        <ExpiringSummary
          detail={detail}
          freshness={evidence.data.freshness}
          evidence={evidence.data.list}
        />
      ) : null}
      <LoadProblem state={evidence} />
      {submitted ? <SealedNotice assessment={assessment} /> : null}
      <div className="assessment-layout">
        <DomainNav
          assessmentId={id}
          domains={domains}
          current={domain?.code}
          progress={currentReadiness.domains}
        />
        {domain ? (
          <div className="domain-content">
            <DomainCriteria
              domain={domain}
              applicable={applicable}
              headingRef={domainHeading}
              context={{
                detail,
                ratings: currentRatings,
                sealed: submitted || blocked,
                evidence: evidence.data,
                external,
                onSave: save,
                onAnnounce: setAnnouncement,
                onEvidenceAdded: (code, added) => {
                  evidence.reload();
                  setAnnouncement(
                    `Added ${plural(added.length, 'piece', 'pieces')} of evidence to ${code}.`,
                  );
                },
              }}
            />
            <DomainPager
              domains={domains}
              current={domain.code}
              assessmentId={id}
              external={isExternal}
            />
          </div>
        ) : null}
      </div>
    </Page>
  );
}
