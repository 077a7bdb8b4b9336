import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { transition, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import type { Certificate } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { CertificateDetails, CertificateStatus, StatusHistory } from './CertificateDetails';
import { ExportPanel } from './ExportPanel';
import { CHANGE_LABELS, LifecycleDialog, type LifecycleChange } from './LifecycleDialog';

const today = () => new Date().toISOString().slice(0, 10);

/** The changes the lifecycle allows today; the rest are not offered at all. */
function allowedChanges(c: Certificate, maxSuspensionMonths: number): LifecycleChange[] {
  if (c.status === 'expired' || c.status === 'withdrawn' || c.status === 'superseded') return [];
  const dates = {
    status: c.status as StoredStatus,
    expiresOn: c.expiresOn,
    suspendedOn: c.suspendedOn,
  };
  const lifecycle = (['suspend', 'reinstate', 'withdraw'] as const).filter(
    (action) => transition(dates, action, today(), maxSuspensionMonths).ok,
  );
  return c.status === 'active' ? [...lifecycle, 'reissue'] : lifecycle;
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
  const location = useLocation();
  const navigate = useNavigate();
  const state = useLoad(async () => {
    const certificate = await invoke('certificates.get', { number });
    const { framework } = await invoke('frameworks.get', {
      id: certificate.payload.framework.id,
      version: certificate.payload.framework.version,
    });
    return { certificate, maxSuspensionMonths: framework.outcomeRules.maxSuspensionMonths };
  }, [number]);
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

  if (state.error)
    return (
      <Page title={`Certificate ${number}`}>
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title={`Certificate ${number}`}>
        <Loading what="the certificate" />
      </Page>
    );
  const { certificate: c, maxSuspensionMonths } = state.data;
  const changes = allowedChanges(c, maxSuspensionMonths);

  return (
    <Page title={`Certificate ${c.number}`}>
      <p className="muted">
        <Link to="/certificates">Certificates</Link> · held by{' '}
        <Link to={`/providers/${c.providerId}`}>{c.holderName}</Link>
      </p>
      <p role="status" className={message ? 'notice notice-success' : 'status-line'}>
        {message}
      </p>
      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading" tabIndex={-1} ref={statusHeading}>
          Status and dates
        </h2>
        <CertificateStatus certificate={c} />
        {c.status === 'suspended' ? (
          <p className="notice notice-warning">
            While suspended, {c.holderName} must not claim accreditation. Reinstate it within{' '}
            {maxSuspensionMonths} months of the suspension, or withdraw it.
          </p>
        ) : null}
        {changes.length > 0 ? (
          <div className="button-row status-actions" role="group" aria-label="Change the status">
            {changes.map((change) => (
              <button
                key={change}
                type="button"
                id={`certificate-${change}`}
                className={`button ${change === 'withdraw' ? 'danger' : 'secondary'}`}
                onClick={() => setChanging(change)}
              >
                {CHANGE_LABELS[change]}
                {change === 'reissue' ? '…' : ''}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">
            {c.status === 'superseded'
              ? 'A superseded certificate cannot change; see the one that replaced it.'
              : `A ${c.status} certificate cannot change status.`}
          </p>
        )}
      </section>
      <StatusHistory certificate={c} />
      <CertificateDetails certificate={c} />
      <ExportPanel number={c.number} assessmentId={c.assessmentId} />
      {changing ? (
        <LifecycleDialog
          change={changing}
          certificate={c}
          maxSuspensionMonths={maxSuspensionMonths}
          onClose={() => setChanging(null)}
          onDone={(updated) => {
            setChanging(null);
            if (updated.number !== c.number) {
              carryMessage.current = true;
              setMessage(`${c.number} reissued as ${updated.number}, which supersedes it.`);
              void navigate(`/certificates/${updated.number}`);
              return;
            }
            state.set({ certificate: updated, maxSuspensionMonths });
            setMessage(`${c.number} ${DONE[changing]}. The reason is in the status history below.`);
            setFocusStatus((n) => n + 1);
          }}
        />
      ) : null}
    </Page>
  );
}
