import { Link } from 'react-router';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { expiresWithin } from '../../../shared/evidence/freshness';
import { EXPIRY_WARNING_DAYS, type EvidenceRecord } from '../../../shared/evidence/schema';
import { formatDate } from '../../components/labels';
import { domainOf } from '../evidence/criteria-choices';
import { plural } from '../evidence/describe';

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
      .filter(([code, f]) => f.freshness === state && asked.has(code))
      .map(([code]) => code)
      .sort();
  const expiring = codes('expiring');
  const expired = codes('expired');
  if (expiring.length === 0 && expired.length === 0) return null;
  const id = detail.assessment.id;
  const linkTo = (code: string) => (
    <Link
      to={`/assessments/${id}/domain/${domainOf(detail, code) ?? ''}`}
      state={{ criterion: code }}
    >
      {code}
    </Link>
  );

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
              (e) => e.criteria.includes(code) && expiresWithin(e, freshness.onDate),
            );
            return (
              <li key={code}>
                {linkTo(code)}:{' '}
                {soon.map((e) => `${e.title} expires ${formatDate(e.expiryDate)}`).join('; ')}
              </li>
            );
          })}
        </ul>
      ) : null}
      {expiring.length > 0 && expired.length > 0 ? (
        <p>
          {plural(expired.length, 'criterion has', 'criteria have')} only out-of-date evidence:{' '}
          {expired.map((code, i) => (
            <span key={code}>
              {i > 0 ? ', ' : ''}
              {linkTo(code)}
            </span>
          ))}
          .
        </p>
      ) : null}
      {expiring.length === 0 ? (
        <p>
          {expired.map((code, i) => (
            <span key={code}>
              {i > 0 ? ', ' : ''}
              {linkTo(code)}
            </span>
          ))}
          . Add evidence that is current, so they stand on it again.
        </p>
      ) : null}
    </section>
  );
}
