import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { expiresWithin } from '../../../shared/evidence/freshness';
import { EXPIRY_WARNING_DAYS, type EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { formatDate } from '../../components/labels';
import { CriterionLink } from './CriterionLink';

type FreshnessReport = MethodOutput<'evidence.freshness'>;

/**
 * The warning at the top of the rating screen: criteria whose only current evidence runs out
 * within the warning window (they will stop counting as evidenced), and those whose evidence is
 * already out of date. Each links to the criterion's place on the screen.
 */
export function ExpiringSummary({
  detail,
  freshness,
  evidence,
}: {
  detail: AssessmentDetail;
  freshness: FreshnessReport;
  evidence: EvidenceRecord[];
}) {
  const asked = new Set(detail.applicableCodes);
  const codes = (state: string) =>
    Object.entries(freshness.criteria)
      .filter(([code, standing]) => standing.freshness === state && asked.has(code))
      .map(([code]) => code)
      .sort();
  const expiring = codes('expiring');
  const expired = codes('expired');
  if (expiring.length === 0 && expired.length === 0) return null;
  const linkTo = (code: string) => (
    <CriterionLink assessmentId={detail.assessment.id} code={code} />
  );
  const links = (codes: string[]) =>
    codes.map((code, index) => (
      <span key={code}>
        {index > 0 ? ', ' : ''}
        {linkTo(code)}
      </span>
    ));

  return (
    <section className="notice notice-warning" aria-labelledby="expiring-heading">
      <h2 id="expiring-heading" className="notice-heading">
        {expiring.length > 0
          ? `${plural(expiring.length, 'criterion relies', 'criteria rely')} on evidence expiring within ${EXPIRY_WARNING_DAYS} days`
          : `${plural(expired.length, 'criterion has', 'criteria have')} only out-of-date evidence`}
      </h2>
      {expiring.length > 0 ? (
        <ul>
          {expiring.map((code) => {
            const soon = evidence.filter(
              (record) => record.criteria.includes(code) && expiresWithin(record, freshness.onDate),
            );
            return (
              <li key={code}>
                {linkTo(code)}:{' '}
                {soon
                  .map((record) => `${record.title} expires ${formatDate(record.expiryDate)}`)
                  .join('; ')}
              </li>
            );
          })}
        </ul>
      ) : null}
      {expiring.length > 0 && expired.length > 0 ? (
        <p>
          {plural(expired.length, 'criterion has', 'criteria have')} only out-of-date evidence:{' '}
          {links(expired)}.
        </p>
      ) : null}
      {expiring.length === 0 ? (
        <p>{links(expired)}. Add evidence that is current, so they stand on it again.</p>
      ) : null}
    </section>
  );
}
