import { useMemo } from 'react';
import type { Finding } from '../../../shared/accreditation/schema';
import type { AssessmentSummary, RatingRecord } from '../../../shared/assessment/schema';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { useLoad, type LoadState } from '../../api/use-load';
import { evidenceByCriterion } from '../evidence/by-criterion';

/** The provider's own view of a criterion, shown read-only beside the assessor's rating. */
export interface SelfView {
  assessmentId: string;
  startedAt: string;
  ratings: Map<string, RatingRecord>;
  evidence: Map<string, EvidenceRecord[]>;
  onDate: string;
}

export interface ExternalContext {
  findings: LoadState<Finding[]>;
  findingsByCriterion: Map<string, Finding[]>;
  self: LoadState<SelfView | null>;
}

/**
 * What an external assessment's screen needs beyond the ratings: its findings, and (when it
 * started from one) the self-assessment's ratings and evidence. A self-assessment loads neither.
 */
export function useExternalContext(assessment: AssessmentSummary | undefined): ExternalContext {
  const id = assessment?.id ?? '';
  const external = assessment?.kind === 'external';
  const basedOn = assessment?.basedOn ?? null;
  const findings = useLoad(
    () => (external ? invoke('findings.list', { assessmentId: id }) : Promise.resolve([])),
    [id, external],
  );
  const self = useLoad(async (): Promise<SelfView | null> => {
    if (!external || !basedOn) return null;
    const [detail, evidence, freshness] = await Promise.all([
      invoke('assessments.get', { id: basedOn }),
      invoke('evidence.list', { assessmentId: basedOn }),
      invoke('evidence.freshness', { assessmentId: basedOn }),
    ]);
    return {
      assessmentId: basedOn,
      startedAt: detail.assessment.startedAt,
      ratings: new Map(detail.ratings.map((r) => [r.criterion, r])),
      evidence: evidenceByCriterion(evidence),
      onDate: freshness.onDate,
    };
  }, [external, basedOn]);
  const findingsByCriterion = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const finding of findings.data ?? [])
      map.set(finding.criterion, [...(map.get(finding.criterion) ?? []), finding]);
    return map;
  }, [findings.data]);
  return { findings, findingsByCriterion, self };
}
