import { Link, useParams } from 'react-router';
import type { Decision } from '../../../shared/accreditation/schema';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate, outcomeLabel } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { IssueForm } from './IssueForm';

interface IssueData {
  detail: AssessmentDetail;
  decision: Decision | null;
  keys: MethodOutput<'keys.status'>;
  /** The assessment's certificates, each with the revision whose decision it came from. */
  certificates: (MethodOutput<'certificates.list'>[number] & { revision: number | undefined })[];
}

async function loadIssue(id: string): Promise<IssueData> {
  const detail = await invoke('assessments.get', { id });
  const [decision, keys, all] = await Promise.all([
    invoke('decisions.get', { assessmentId: id }),
    invoke('keys.status', {}),
    invoke('certificates.list', { providerId: detail.assessment.providerId }),
  ]);
  const certificates = all.filter((certificate) => certificate.assessmentId === id);
  // A decision gets one certificate (later copies are reissues of it); which decision a
  // certificate came from is the assessment revision its payload names.
  const revisions = await Promise.all(
    certificates.map((certificate) =>
      invoke('certificates.get', { number: certificate.number }).then(
        (full) => full.payload.assessment.revision,
      ),
    ),
  );
  return {
    detail,
    decision,
    keys,
    certificates: certificates.map((certificate, index) => ({
      ...certificate,
      revision: revisions[index],
    })),
  };
}

/** The certificate step of an external assessment: issue it, or see those already issued. */
export function IssueCertificatePage() {
  const { id = '' } = useParams();
  const state = useLoad(() => loadIssue(id), [id]);
  return (
    <LoadedPage title="Certificate" state={state} what="the certificate">
      {(data) => <Issue data={data} reload={state.reload} />}
    </LoadedPage>
  );
}

function Issue({ data, reload }: { data: IssueData; reload: () => void }) {
  const { detail, certificates } = data;
  const { assessment } = detail;
  return (
    <Page title={`Certificate: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="certificate" />
      <IssueStep data={data} onKeyCreated={reload} />
      {certificates.length > 0 ? (
        <section aria-labelledby="issued-heading">
          <h2 id="issued-heading">Certificates from this assessment</h2>
          <ul className="plain-list">
            {certificates.map((certificate) => (
              <li key={certificate.number}>
                <Link to={`/certificates/${certificate.number}`}>{certificate.number}</Link>{' '}
                <CertificateStatusBadge status={certificate.status} />{' '}
                <span className="muted">
                  issued {formatDate(certificate.issuedOn)}, expires{' '}
                  {formatDate(certificate.expiresOn)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

/** The form to issue the certificate, or why there is nothing to issue. */
function IssueStep({
  data: { detail, decision, keys, certificates },
  onKeyCreated,
}: {
  data: IssueData;
  onKeyCreated: () => void;
}) {
  const { assessment } = detail;
  const decided =
    assessment.status === 'decided' && decision?.revision === assessment.revision ? decision : null;
  if (assessment.kind !== 'external')
    return (
      <p className="notice notice-info">
        Certificates are issued on the decision on an external assessment.
      </p>
    );
  if (!decided)
    return (
      <p className="notice notice-info">
        A certificate is issued once the assessment is decided.{' '}
        <Link to={`/assessments/${assessment.id}/decision`}>Go to the decision</Link>.
      </p>
    );
  if (decided.outcome === 'not-accredited')
    return (
      <p className="notice notice-info">
        The decision was {outcomeLabel(decided.outcome)}, so no certificate is issued.
      </p>
    );
  if (certificates.some((certificate) => certificate.revision === decided.revision))
    return (
      <p className="notice notice-info">
        The certificate for this decision has been issued. A corrected copy is made by reissuing it
        from its own page.
      </p>
    );
  return <IssueForm detail={detail} decision={decided} keys={keys} onKeyCreated={onKeyCreated} />;
}
