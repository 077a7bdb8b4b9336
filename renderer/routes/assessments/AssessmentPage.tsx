import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Readiness } from '../../../shared/assessment/readiness';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import type { RatingRecord } from '../../../shared/assessment/schema';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { FindingsPanel } from '../accreditation/FindingsPanel';
import { SelfAssessmentView } from '../accreditation/SelfAssessmentView';
import { useExternalContext } from '../accreditation/use-external-context';
import { CriterionEvidence } from '../evidence/CriterionEvidence';
import { plural } from '../evidence/describe';
import { AssessmentHeader } from './AssessmentHeader';
import { CriterionCard, type RatingDraft } from './CriterionCard';
import { ExpiringSummary } from './ExpiringSummary';

export function AssessmentPage() {
  const { id = '', domain: domainParam } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  // Evidence loads on its own, so adding a file refreshes it without resetting the ratings.
  const evidence = useLoad(async () => {
    const [list, freshness] = await Promise.all([
      invoke('evidence.list', { assessmentId: id }),
      invoke('evidence.freshness', { assessmentId: id }),
    ]);
    return { list, freshness };
  }, [id]);
  const external = useExternalContext(state.data?.assessment);
  const location = useLocation();
  const [ratings, setRatings] = useState<Map<string, RatingRecord> | null>(null);
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const domainHeading = useRef<HTMLHeadingElement>(null);
  const previousDomain = useRef(domainParam);
  // Moving to another domain puts focus on its heading, as arriving on a new page would.
  useEffect(() => {
    if (previousDomain.current !== domainParam) domainHeading.current?.focus();
    previousDomain.current = domainParam;
  }, [domainParam]);
  // A link to one criterion (from the expiry warning) lands on that criterion, not the domain.
  const targetCriterion = (location.state as { criterion?: string } | null)?.criterion;
  const ready = Boolean(state.data);
  useEffect(() => {
    if (!targetCriterion || !ready) return;
    const card = document.getElementById(`criterion-${targetCriterion.replace('.', '-')}`);
    card?.focus();
    card?.scrollIntoView({ block: 'start' });
  }, [targetCriterion, ready, location.key]);

  const detail = state.data;
  const applicable = useMemo(() => new Set(detail?.applicableCodes ?? []), [detail]);
  const currentRatings = ratings ?? new Map((detail?.ratings ?? []).map((r) => [r.criterion, r]));
  const currentReadiness = readiness ?? detail?.readiness;
  const evidenceByCriterion = useMemo(() => {
    const map = new Map<string, EvidenceRecord[]>();
    for (const e of evidence.data?.list ?? [])
      for (const code of e.criteria) map.set(code, [...(map.get(code) ?? []), e]);
    return map;
  }, [evidence.data]);

  if (state.error)
    return (
      <Page title="Assessment">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!detail || !currentReadiness)
    return (
      <Page title="Assessment">
        <Loading what="the assessment" />
      </Page>
    );

  const { assessment, framework } = detail;
  const isExternal = assessment.kind === 'external';
  const blocked = Boolean(assessment.conflict);
  const submitted = assessment.status === 'submitted' || assessment.status === 'decided';
  // A declared conflict blocks the assessment: nothing on it can change.
  const sealed = submitted || blocked;
  const heading = `${isExternal ? 'External assessment' : 'Self-assessment'}: ${assessment.providerName}`;
  const domains = framework.domains.filter((d) =>
    d.standards.some((s) => s.criteria.some((c) => applicable.has(c.code))),
  );
  const domain = domains.find((d) => d.code === domainParam) ?? domains[0];
  const domainProgress = new Map(currentReadiness.domains.map((d) => [d.code, d]));

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

  function evidenceAdded(code: string, added: EvidenceRecord[]) {
    evidence.reload();
    setAnnouncement(`Added ${plural(added.length, 'piece', 'pieces')} of evidence to ${code}.`);
  }

  return (
    <Page title={heading} heading={heading}>
      <AssessmentHeader assessment={assessment} current="rate" />
      {blocked ? (
        <div className="notice notice-error" id="blocked-notice">
          <p>
            <strong>This assessment is blocked.</strong> {assessment.assessor} declared a conflict
            of interest: “{assessment.conflict}”. It cannot be rated, submitted or decided. An
            assessor with no conflict needs to start a new external assessment of{' '}
            {assessment.providerName}.
          </p>
        </div>
      ) : null}
      {isExternal && !blocked ? (
        <p className="notice notice-info">
          {assessment.basedOn
            ? `Your ratings start empty. Beside each criterion you see ${assessment.providerName}’s own rating and evidence from its self-assessment${external.self.data ? ` started ${formatDate(external.self.data.startedAt)}` : ''}, read-only.`
            : 'This assessment is not based on a self-assessment, so there are no self-ratings to compare.'}
        </p>
      ) : null}
      {external.self.error ? (
        <LoadError error={external.self.error} retry={external.self.reload} />
      ) : null}
      {external.findings.error ? (
        <LoadError error={external.findings.error} retry={external.findings.reload} />
      ) : null}
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
      {evidence.error ? <LoadError error={evidence.error} retry={evidence.reload} /> : null}
      {submitted ? (
        <p className="notice notice-info">
          This assessment is {assessment.status} and sealed; ratings can no longer change.
          {isExternal ? (
            <>
              {' '}
              <Link to={`/assessments/${id}/submit`}>Open a new revision</Link> to change it.
            </>
          ) : null}
        </p>
      ) : null}
      <div className="assessment-layout">
        <nav aria-label="Domains" className="domain-nav">
          <ul>
            {domains.map((d) => {
              const p = domainProgress.get(d.code);
              return (
                <li key={d.code}>
                  <Link
                    to={`/assessments/${id}/domain/${d.code}`}
                    aria-current={d.code === domain?.code ? 'page' : undefined}
                  >
                    <span className="domain-title">{d.title}</span>
                    <span className="domain-count">
                      {p?.rated ?? 0} of {p?.applicable ?? 0} rated
                    </span>
                    <span className="mini-track" aria-hidden="true">
                      <span
                        className="mini-fill"
                        style={{ width: `${p?.progressPercent ?? 0}%` }}
                      />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {domain ? (
          <div className="domain-content">
            <h2 tabIndex={-1} ref={domainHeading}>
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
                  {criteria.map((c) => (
                    <CriterionCard
                      key={c.code}
                      criterion={c}
                      record={currentRatings.get(c.code)}
                      sealed={sealed}
                      currentEvidence={evidence.data?.freshness.criteria[c.code]?.current ?? 0}
                      onSave={(draft) => save(c.code, draft)}
                      reference={
                        external.self.data ? (
                          <SelfAssessmentView code={c.code} self={external.self.data} />
                        ) : null
                      }
                      findings={
                        isExternal && external.findings.data ? (
                          <FindingsPanel
                            assessmentId={id}
                            code={c.code}
                            findings={external.findingsByCriterion.get(c.code) ?? []}
                            sealed={sealed}
                            onChanged={(message) => {
                              external.findings.reload();
                              setAnnouncement(message);
                            }}
                          />
                        ) : null
                      }
                      evidence={
                        evidence.data ? (
                          <CriterionEvidence
                            assessmentId={id}
                            code={c.code}
                            records={evidenceByCriterion.get(c.code) ?? []}
                            freshness={evidence.data.freshness.criteria[c.code]}
                            onDate={evidence.data.freshness.onDate}
                            sealed={sealed}
                            onAdded={(added) => evidenceAdded(c.code, added)}
                            heading={isExternal ? `Assessor’s evidence for ${c.code}` : undefined}
                          />
                        ) : null
                      }
                    />
                  ))}
                </section>
              );
            })}
            <DomainPager
              domains={domains.map((d) => ({ code: d.code, title: d.title }))}
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

function DomainPager({
  domains,
  current,
  assessmentId,
  external,
}: {
  domains: { code: string; title: string }[];
  current: string;
  assessmentId: string;
  external: boolean;
}) {
  const index = domains.findIndex((d) => d.code === current);
  const next = domains[index + 1];
  return (
    <nav aria-label="Next step" className="pager">
      {next ? (
        <Link className="button secondary" to={`/assessments/${assessmentId}/domain/${next.code}`}>
          Next: {next.title}
        </Link>
      ) : external ? (
        <Link className="button" to={`/assessments/${assessmentId}/submit`}>
          Review and submit
        </Link>
      ) : (
        <Link className="button" to={`/assessments/${assessmentId}/readiness`}>
          See the readiness summary
        </Link>
      )}
    </nav>
  );
}
