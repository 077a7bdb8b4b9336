import type { Ref } from 'react';
import type { AssessmentDetail, RatingRecord } from '../../../shared/assessment/schema';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import type { Criterion } from '../../../shared/framework/schema';
import { FindingsPanel } from '../accreditation/FindingsPanel';
import { SelfAssessmentView } from '../accreditation/SelfAssessmentView';
import type { ExternalContext } from '../accreditation/use-external-context';
import { CriterionEvidence } from '../evidence/CriterionEvidence';
import type { AssessmentEvidence } from './AssessmentPage';
import { CriterionCard } from './CriterionCard';
import type { RatingDraft } from './use-criterion-rating';

type Domain = AssessmentDetail['framework']['domains'][number];

/** What every criterion card on the rating screen draws on. */
export interface RatingContext {
  detail: AssessmentDetail;
  ratings: Map<string, RatingRecord>;
  /** Submitted, decided or blocked: nothing can change. */
  sealed: boolean;
  evidence: AssessmentEvidence | undefined;
  external: ExternalContext;
  onSave: (code: string, draft: RatingDraft) => Promise<void>;
  onAnnounce: (message: string) => void;
  onEvidenceAdded: (code: string, added: EvidenceRecord[]) => void;
}

/** One domain's standards, each with a card for every criterion the assessment asks. */
export function DomainCriteria({
  domain,
  applicable,
  headingRef,
  context,
}: {
  domain: Domain;
  applicable: Set<string>;
  headingRef: Ref<HTMLHeadingElement>;
  context: RatingContext;
}) {
  return (
    <>
      <h2 tabIndex={-1} ref={headingRef}>
        {domain.title}
      </h2>
      <p className="muted">{domain.summary}</p>
      {domain.standards.map((standard) => {
        const criteria = standard.criteria.filter((c) => applicable.has(c.code));
        if (criteria.length === 0) return null;
        return (
          <section
            key={standard.code}
            aria-labelledby={`standard-${standard.code}`}
            className="standard"
          >
            <h3 id={`standard-${standard.code}`}>
              {standard.code} {standard.title}
            </h3>
            <p className="muted">{standard.intent}</p>
            {criteria.map((criterion) => (
              <RatedCriterion key={criterion.code} criterion={criterion} context={context} />
            ))}
          </section>
        );
      })}
    </>
  );
}

/**
 * A criterion's card with what goes in it: its evidence, and on an external assessment the
 * provider's self-assessment of it and the assessor's findings.
 */
function RatedCriterion({ criterion, context }: { criterion: Criterion; context: RatingContext }) {
  const { detail, ratings, sealed, evidence, external } = context;
  const { code } = criterion;
  const assessmentId = detail.assessment.id;
  const isExternal = detail.assessment.kind === 'external';
  return (
    <CriterionCard
      criterion={criterion}
      record={ratings.get(code)}
      sealed={sealed}
      currentEvidence={evidence?.freshness.criteria[code]?.current ?? 0}
      onSave={(draft) => context.onSave(code, draft)}
      reference={
        external.self.data ? <SelfAssessmentView code={code} self={external.self.data} /> : null
      }
      findings={
        isExternal && external.findings.data ? (
          <FindingsPanel
            assessmentId={assessmentId}
            code={code}
            findings={external.findingsByCriterion.get(code) ?? []}
            sealed={sealed}
            onChanged={(message) => {
              external.findings.reload();
              context.onAnnounce(message);
            }}
          />
        ) : null
      }
      evidence={
        evidence ? (
          <CriterionEvidence
            assessmentId={assessmentId}
            code={code}
            records={evidence.byCriterion.get(code) ?? []}
            freshness={evidence.freshness.criteria[code]}
            onDate={evidence.freshness.onDate}
            sealed={sealed}
            onAdded={(added) => context.onEvidenceAdded(code, added)}
            heading={isExternal ? `Assessor’s evidence for ${code}` : undefined}
          />
        ) : null
      }
    />
  );
}
