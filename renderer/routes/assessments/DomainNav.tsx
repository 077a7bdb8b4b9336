import { Link } from 'react-router';
import type { DomainReadiness } from '../../../shared/assessment/readiness';

interface DomainLink {
  code: string;
  title: string;
}

/** The assessment's domains, each with how much of it is rated, the current one marked. */
export function DomainNav({
  assessmentId,
  domains,
  current,
  progress,
}: {
  assessmentId: string;
  domains: DomainLink[];
  current: string | undefined;
  progress: DomainReadiness[];
}) {
  const progressOf = new Map(progress.map((domain) => [domain.code, domain]));
  return (
    <nav aria-label="Domains" className="domain-nav">
      <ul>
        {domains.map((domain) => {
          const done = progressOf.get(domain.code);
          return (
            <li key={domain.code}>
              <Link
                to={`/assessments/${assessmentId}/domain/${domain.code}`}
                aria-current={domain.code === current ? 'page' : undefined}
              >
                <span className="domain-title">{domain.title}</span>
                <span className="domain-count">
                  {done?.rated ?? 0} of {done?.applicable ?? 0} rated
                </span>
                <span className="mini-track" aria-hidden="true">
                  <span className="mini-fill" style={{ width: `${done?.progressPercent ?? 0}%` }} />
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** After a domain's last criterion: on to the next domain, or to what follows rating. */
export function DomainPager({
  domains,
  current,
  assessmentId,
  external,
}: {
  domains: DomainLink[];
  current: string;
  assessmentId: string;
  external: boolean;
}) {
  const index = domains.findIndex((domain) => domain.code === current);
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
