import { Link } from 'react-router';
import type { Certificate } from '../../../shared/accreditation/schema';
import { REGION_LABELS, SERVICE_CATEGORY_LABELS } from '../../../shared/providers/vocabulary';
import { formatDate, outcomeLabel } from '../../components/labels';
import { Table } from '../../components/Table';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { certificateStatusLabel, eventLabel } from './labels';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const region = (code: string | null) =>
  code ? ((REGION_LABELS as Record<string, string>)[code] ?? code) : null;
const category = (code: string) =>
  (SERVICE_CATEGORY_LABELS as Record<string, string>)[code] ?? code;

/** What the certificate says: the holder, its scope, the standards, the decision and the issuer. */
export function CertificateDetails({ certificate }: { certificate: Certificate }) {
  const said = certificate.payload;
  return (
    <section aria-labelledby="certificate-says-heading" className="panel">
      <h2 id="certificate-says-heading">What it certifies</h2>
      <dl className="summary-list">
        <dt>Holder</dt>
        <dd>
          {said.holder.name}
          <br />
          <span className="muted">
            {[said.holder.address, said.holder.postcode, region(said.holder.region)]
              .filter(Boolean)
              .join(', ') || 'No address recorded'}
          </span>
          {said.holder.charityNumber ? <div>Charity number {said.holder.charityNumber}</div> : null}
          {said.holder.companyNumber ? <div>Company number {said.holder.companyNumber}</div> : null}
        </dd>
        <dt>Services in scope</dt>
        <dd>
          {said.scope.services.length === 0 ? (
            'The organisation as a whole (no separate services recorded)'
          ) : (
            <ul className="plain-list">
              {said.scope.services.map((service) => (
                <li key={service.id}>
                  {service.name} <span className="muted">({category(service.category)})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Standards covered</dt>
        <dd>
          <ul className="plain-list">
            {said.scope.domains.map((domain) => (
              <li key={domain.code}>{domain.title}</li>
            ))}
          </ul>
        </dd>
        <dt>Framework</dt>
        <dd>
          {said.framework.title}, version {said.framework.version}{' '}
          <span className="muted mono">({said.framework.id})</span>
        </dd>
        <dt>Decision</dt>
        <dd>
          {outcomeLabel(said.decision.outcome)} on {formatDate(said.decision.decidedOn)}
          {said.decision.conditions ? (
            <div className="pre-line">
              Conditions, due {formatDate(said.decision.conditionsDue)}: {said.decision.conditions}
            </div>
          ) : null}
        </dd>
        <dt>Assessment</dt>
        <dd>
          <Link to={`/assessments/${said.assessment.id}`}>Revision {said.assessment.revision}</Link>
          , sealed with fingerprint{' '}
          <span className="hash mono break-anywhere">{said.assessment.sealSha256}</span>
        </dd>
        <dt>Issued by</dt>
        <dd>
          {said.issuer.name}
          <br />
          <span className="muted">
            signing key <span className="mono">{said.issuer.keyId}</span>
          </span>
        </dd>
      </dl>
    </section>
  );
}

/** The certificate's status now and its dates, with links along any chain of reissues. */
export function CertificateStatus({ certificate }: { certificate: Certificate }) {
  return (
    <dl className="summary-list">
      <dt>Status</dt>
      <dd>
        <CertificateStatusBadge status={certificate.status} id="certificate-status" />
        {certificate.status === 'suspended' && certificate.suspendedOn ? (
          <span className="muted"> since {formatDate(certificate.suspendedOn)}</span>
        ) : null}
      </dd>
      <dt>Issued</dt>
      <dd>{formatDate(certificate.issuedOn)}</dd>
      <dt>Expires</dt>
      <dd>{formatDate(certificate.expiresOn)}</dd>
      {certificate.supersededBy ? (
        <>
          <dt>Superseded by</dt>
          <dd>
            <Link to={`/certificates/${certificate.supersededBy}`}>{certificate.supersededBy}</Link>
          </dd>
        </>
      ) : null}
      {certificate.payload.supersedes ? (
        <>
          <dt>Replaces</dt>
          <dd>
            <Link to={`/certificates/${certificate.payload.supersedes}`}>
              {certificate.payload.supersedes}
            </Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Every change of status, oldest first, with who made it and why. */
export function StatusHistory({ certificate }: { certificate: Certificate }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      <Table
        id="status-history"
        caption={`Status history of ${certificate.number}, oldest first`}
        hideCaption
        headings={['When', 'Change', 'Status', 'Reason', 'By']}
      >
        {certificate.events.map((event, index) => (
          <tr key={`${event.at}-${index}`}>
            <th scope="row">{dateTime(event.at)}</th>
            <td>{eventLabel(event.action)}</td>
            <td>
              {event.fromStatus ? `${certificateStatusLabel(event.fromStatus)} to ` : ''}
              {certificateStatusLabel(event.toStatus)}
            </td>
            <td className="pre-line">{event.reason ?? '—'}</td>
            <td>{event.actor}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
