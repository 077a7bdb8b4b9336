import { Link } from 'react-router';
import type { Certificate } from '../../../shared/accreditation/schema';
import { REGION_LABELS, SERVICE_CATEGORY_LABELS } from '../../../shared/providers/vocabulary';
import { formatDate, outcomeLabel } from '../../components/labels';
import { certificateStatusBadge, certificateStatusLabel, eventLabel } from './labels';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const region = (r: string | null) =>
  r ? ((REGION_LABELS as Record<string, string>)[r] ?? r) : null;
const category = (c: string) => (SERVICE_CATEGORY_LABELS as Record<string, string>)[c] ?? c;

/** What the certificate says: the holder, its scope, the standards, the decision and the issuer. */
export function CertificateDetails({ certificate: c }: { certificate: Certificate }) {
  const p = c.payload;
  return (
    <section aria-labelledby="certificate-says-heading" className="panel">
      <h2 id="certificate-says-heading">What it certifies</h2>
      <dl className="summary-list">
        <dt>Holder</dt>
        <dd>
          {p.holder.name}
          <br />
          <span className="muted">
            {[p.holder.address, p.holder.postcode, region(p.holder.region)]
              .filter(Boolean)
              .join(', ') || 'No address recorded'}
          </span>
          {p.holder.charityNumber ? <div>Charity number {p.holder.charityNumber}</div> : null}
          {p.holder.companyNumber ? <div>Company number {p.holder.companyNumber}</div> : null}
        </dd>
        <dt>Services in scope</dt>
        <dd>
          {p.scope.services.length === 0 ? (
            'The organisation as a whole (no separate services recorded)'
          ) : (
            <ul className="plain-list">
              {p.scope.services.map((s) => (
                <li key={s.id}>
                  {s.name} <span className="muted">({category(s.category)})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Standards covered</dt>
        <dd>
          <ul className="plain-list">
            {p.scope.domains.map((d) => (
              <li key={d.code}>{d.title}</li>
            ))}
          </ul>
        </dd>
        <dt>Framework</dt>
        <dd>
          {p.framework.title}, version {p.framework.version}{' '}
          <span className="muted mono">({p.framework.id})</span>
        </dd>
        <dt>Decision</dt>
        <dd>
          {outcomeLabel(p.decision.outcome)} on {formatDate(p.decision.decidedOn)}
          {p.decision.conditions ? (
            <div className="pre-line">
              Conditions, due {formatDate(p.decision.conditionsDue)}: {p.decision.conditions}
            </div>
          ) : null}
        </dd>
        <dt>Assessment</dt>
        <dd>
          <Link to={`/assessments/${p.assessment.id}`}>Revision {p.assessment.revision}</Link>,
          sealed with fingerprint{' '}
          <span className="hash mono break-anywhere">{p.assessment.sealSha256}</span>
        </dd>
        <dt>Issued by</dt>
        <dd>
          {p.issuer.name}
          <br />
          <span className="muted">
            signing key <span className="mono">{p.issuer.keyId}</span>
          </span>
        </dd>
      </dl>
    </section>
  );
}

/** The certificate's status now and its dates, with links along any chain of reissues. */
export function CertificateStatus({ certificate: c }: { certificate: Certificate }) {
  return (
    <dl className="summary-list">
      <dt>Status</dt>
      <dd>
        <span className={certificateStatusBadge(c.status)} id="certificate-status">
          {certificateStatusLabel(c.status)}
        </span>
        {c.status === 'suspended' && c.suspendedOn ? (
          <span className="muted"> since {formatDate(c.suspendedOn)}</span>
        ) : null}
      </dd>
      <dt>Issued</dt>
      <dd>{formatDate(c.issuedOn)}</dd>
      <dt>Expires</dt>
      <dd>{formatDate(c.expiresOn)}</dd>
      {c.supersededBy ? (
        <>
          <dt>Superseded by</dt>
          <dd>
            <Link to={`/certificates/${c.supersededBy}`}>{c.supersededBy}</Link>
          </dd>
        </>
      ) : null}
      {c.payload.supersedes ? (
        <>
          <dt>Replaces</dt>
          <dd>
            <Link to={`/certificates/${c.payload.supersedes}`}>{c.payload.supersedes}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Every change of status, oldest first, with who made it and why. */
export function StatusHistory({ certificate: c }: { certificate: Certificate }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      <div className="table-wrap">
        <table className="table" id="status-history">
          <caption className="visually-hidden">Status history of {c.number}, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {c.events.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <th scope="row">{dateTime(e.at)}</th>
                <td>{eventLabel(e.action)}</td>
                <td>
                  {e.fromStatus ? `${certificateStatusLabel(e.fromStatus)} to ` : ''}
                  {certificateStatusLabel(e.toStatus)}
                </td>
                <td className="pre-line">{e.reason ?? '—'}</td>
                <td>{e.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
