import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { transition, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import type { Certificate } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { CertificateDetails, CertificateStatus, StatusHistory } from './CertificateDetails';
import { ExportPanel } from './ExportPanel';
import { CHANGE_LABELS, LifecycleDialog, type LifecycleChange } from './LifecycleDialog';

interface CertificateData {
  certificate: Certificate;
  maxSuspensionMonths: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The changes the lifecycle allows today; the rest are not offered at all. */
function allowedChanges(certificate: Certificate, maxSuspensionMonths: number): LifecycleChange[] {
  const { status } = certificate;
  if (status === 'expired' || status === 'withdrawn' || status === 'superseded') return [];
  const dates = {
    status: status as StoredStatus,
    expiresOn: certificate.expiresOn,
    suspendedOn: certificate.suspendedOn,
  };
  const lifecycle = (['suspend', 'reinstate', 'withdraw'] as const).filter(
    (action) => transition(dates, action, today(), maxSuspensionMonths).ok,
  );
  return status === 'active' ? [...lifecycle, 'reissue'] : lifecycle;
}

const DONE: Record<LifecycleChange, string> = {
  suspend: 'suspended',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
  reissue: 'reissued',
};

/**
 * One certificate: what it says, its status and history, the changes its lifecycle allows, and
 * its files. A change asks for a reason first; the history then shows it.
 */
export function CertificatePage() {
  const { number = '' } = useParams();
  const state = useLoad(async (): Promise<CertificateData> => {
    const certificate = await invoke('certificates.get', { number });
    const { framework } = await invoke('frameworks.get', {
      id: certificate.payload.framework.id,
      version: certificate.payload.framework.version,
    });
    return { certificate, maxSuspensionMonths: framework.outcomeRules.maxSuspensionMonths };
  }, [number]);
  return (
    <LoadedPage title={`Certificate ${number}`} state={state} what="the certificate">
      {(data) => <CertificateScreen number={number} data={data} onChanged={state.set} />}
    </LoadedPage>
  );
}

function CertificateScreen({
  number,
  data: { certificate, maxSuspensionMonths },
  onChanged,
}: {
  /** The certificate the address names, which the data is about once it has loaded. */
  number: string;
  data: CertificateData;
  onChanged: (data: CertificateData) => void;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const [changing, setChanging] = useState<LifecycleChange | null>(null);
  const [message, setMessage] = useState(
    (location.state as { issued?: boolean } | null)?.issued ? 'Certificate issued and signed.' : '',
  );
  // A message belongs to the certificate it was about, except the one a reissue carries over.
  const messageFor = useRef(number);
  const carryMessage = useRef(false);
  useEffect(() => {
    if (messageFor.current === number) return;
    messageFor.current = number;
    if (!carryMessage.current) setMessage('');
    carryMessage.current = false;
  }, [number]);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const [focusStatus, setFocusStatus] = useState(0);
  useEffect(() => {
    if (focusStatus > 0) statusHeading.current?.focus();
  }, [focusStatus]);

  function changed(change: LifecycleChange, updated: Certificate) {
    setChanging(null);
    if (updated.number !== certificate.number) {
      carryMessage.current = true;
      setMessage(`${certificate.number} reissued as ${updated.number}, which supersedes it.`);
      void navigate(`/certificates/${updated.number}`);
      return;
    }
    onChanged({ certificate: updated, maxSuspensionMonths });
    setMessage(`${certificate.number} ${DONE[change]}. The reason is in the status history below.`);
    setFocusStatus((count) => count + 1);
  }

  return (
    <Page title={`Certificate ${certificate.number}`}>
      <p className="muted">
        <Link to="/certificates">Certificates</Link> · held by{' '}
        <Link to={`/providers/${certificate.providerId}`}>{certificate.holderName}</Link>
      </p>
      <p role="status" className={message ? 'notice notice-success' : 'status-line'}>
        {message}
      </p>
      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading" tabIndex={-1} ref={statusHeading}>
          Status and dates
        </h2>
        <CertificateStatus certificate={certificate} />
        {certificate.status === 'suspended' ? (
          <p className="notice notice-warning">
            While suspended, {certificate.holderName} must not claim accreditation. Reinstate it
            within {maxSuspensionMonths} months of the suspension, or withdraw it.
          </p>
        ) : null}
        <StatusChanges
          certificate={certificate}
          changes={allowedChanges(certificate, maxSuspensionMonths)}
          onChoose={setChanging}
        />
      </section>
      <StatusHistory certificate={certificate} />
      <CertificateDetails certificate={certificate} />
      <ExportPanel
        number={certificate.number}
        assessmentId={certificate.assessmentId}
        active={certificate.status === 'active'}
      />
      {changing ? (
        <LifecycleDialog
          change={changing}
          certificate={certificate}
          maxSuspensionMonths={maxSuspensionMonths}
          onClose={() => setChanging(null)}
          onDone={(updated) => changed(changing, updated)}
        />
      ) : null}
    </Page>
  );
}

/** A button for each change the lifecycle allows, or why none is. */
function StatusChanges({
  certificate,
  changes,
  onChoose,
}: {
  certificate: Certificate;
  changes: LifecycleChange[];
  onChoose: (change: LifecycleChange) => void;
}) {
  if (changes.length === 0)
    return (
      <p className="muted">
        {certificate.status === 'superseded'
          ? 'A superseded certificate cannot change; see the one that replaced it.'
          : `A ${certificate.status} certificate cannot change status.`}
      </p>
    );
  return (
    <div className="button-row status-actions" role="group" aria-label="Change the status">
      {changes.map((change) => (
        <button
          key={change}
          type="button"
          id={`certificate-${change}`}
          className={`button ${change === 'withdraw' ? 'danger' : 'secondary'}`}
          onClick={() => onChoose(change)}
        >
          {CHANGE_LABELS[change]}
          {change === 'reissue' ? '…' : ''}
        </button>
      ))}
    </div>
  );
}
