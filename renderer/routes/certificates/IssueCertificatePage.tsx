import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Decision } from '../../../shared/accreditation/schema';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { formatDate, outcomeBadgeClass, outcomeLabel } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { certificateStatusBadge, certificateStatusLabel } from './labels';
import { PassphraseFields, passphraseProblems, type PassphraseDraft } from './PassphraseFields';

type KeyStatus = MethodOutput<'keys.status'>;

/** Signs the certificate for an accredited decision, creating the network's key on first use. */
function IssueForm({
  detail,
  decision,
  keys,
  onKeyCreated,
}: {
  detail: AssessmentDetail;
  decision: Decision;
  keys: KeyStatus;
  onKeyCreated: () => void;
}) {
  const navigate = useNavigate();
  const creating = keys.networkKey === null;
  const [draft, setDraft] = useState<PassphraseDraft>({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<'' | 'key' | 'issue'>('');
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const a = detail.assessment;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = passphraseProblems(draft, creating);
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      if (creating) {
        setBusy('key');
        await invoke('keys.init', { passphrase: draft.passphrase });
        onKeyCreated();
      }
      setBusy('issue');
      const certificate = await invoke('certificates.issue', {
        assessmentId: a.id,
        passphrase: draft.passphrase,
      });
      void navigate(`/certificates/${certificate.number}`, { state: { issued: true } });
    } catch (error) {
      setErrors(
        fieldErrorsFrom(error).map((e) => ({
          ...e,
          message: e.message.charAt(0).toUpperCase() + e.message.slice(1),
        })),
      );
    } finally {
      setBusy('');
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form panel">
      <h2>Issue the certificate</h2>
      <ErrorSummary errors={errors} title="The certificate could not be issued" />
      <dl className="summary-list compact">
        <dt>Holder</dt>
        <dd>{a.providerName}</dd>
        <dt>Decision</dt>
        <dd>
          <span className={outcomeBadgeClass(decision.outcome)}>
            {outcomeLabel(decision.outcome)}
          </span>{' '}
          on {formatDate(decision.decidedAt)} by {decision.decidedBy}
        </dd>
        {decision.conditions ? (
          <>
            <dt>Conditions</dt>
            <dd className="pre-line">
              {decision.conditions} (due {formatDate(decision.conditionsDue)})
            </dd>
          </>
        ) : null}
        <dt>Standards</dt>
        <dd>
          {detail.framework.title} {detail.framework.version}
        </dd>
        <dt>Valid for</dt>
        <dd>{detail.framework.outcomeRules.validityYears} years from today</dd>
      </dl>
      {creating ? (
        <div className="notice notice-info" id="no-key-notice">
          <h3 className="notice-heading">This installation has no signing key yet</h3>
          <p>
            Certificates are signed with the network’s own key so anyone can check them. Create the
            key now: its private half is kept on this computer, encrypted under the passphrase you
            choose here.
          </p>
        </div>
      ) : (
        <p className="muted">
          Signed with the network key <span className="mono">{keys.networkKey?.keyId}</span>
          {keys.network ? ` of ${keys.network}` : ''}.
        </p>
      )}
      <PassphraseFields creating={creating} draft={draft} onChange={setDraft} errorFor={errorFor} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy !== ''}>
          {busy === 'key'
            ? 'Creating the key…'
            : busy === 'issue'
              ? 'Signing…'
              : creating
                ? 'Create the key and issue the certificate'
                : 'Issue the certificate'}
        </button>
      </div>
    </form>
  );
}

/** The certificate step of an external assessment: issue it, or see those already issued. */
export function IssueCertificatePage() {
  const { id = '' } = useParams();
  const state = useLoad(async () => {
    const detail = await invoke('assessments.get', { id });
    const [decision, keys, all] = await Promise.all([
      invoke('decisions.get', { assessmentId: id }),
      invoke('keys.status', {}),
      invoke('certificates.list', { providerId: detail.assessment.providerId }),
    ]);
    const certificates = all.filter((c) => c.assessmentId === id);
    // A decision gets one certificate (later copies are reissues of it); which decision a
    // certificate came from is the assessment revision its payload names.
    const revisions = await Promise.all(
      certificates.map((c) =>
        invoke('certificates.get', { number: c.number }).then(
          (full) => full.payload.assessment.revision,
        ),
      ),
    );
    return {
      detail,
      decision,
      keys,
      certificates: certificates.map((c, i) => ({ ...c, revision: revisions[i] })),
    };
  }, [id]);

  if (state.error)
    return (
      <Page title="Certificate">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Certificate">
        <Loading what="the certificate" />
      </Page>
    );
  const { detail, decision, keys, certificates } = state.data;
  const a = detail.assessment;
  const decided = a.status === 'decided' && decision?.revision === a.revision ? decision : null;
  const forDecision = certificates.filter((c) => decided && c.revision === decided.revision);

  const body = () => {
    if (a.kind !== 'external')
      return (
        <p className="notice notice-info">
          Certificates are issued on the decision on an external assessment.
        </p>
      );
    if (!decided)
      return (
        <p className="notice notice-info">
          A certificate is issued once the assessment is decided.{' '}
          <Link to={`/assessments/${id}/decision`}>Go to the decision</Link>.
        </p>
      );
    if (decided.outcome === 'not-accredited')
      return (
        <p className="notice notice-info">
          The decision was {outcomeLabel(decided.outcome)}, so no certificate is issued.
        </p>
      );
    if (forDecision.length > 0)
      return (
        <p className="notice notice-info">
          The certificate for this decision has been issued. A corrected copy is made by reissuing
          it from its own page.
        </p>
      );
    return <IssueForm detail={detail} decision={decided} keys={keys} onKeyCreated={state.reload} />;
  };

  return (
    <Page title={`Certificate: ${a.providerName}`}>
      <AssessmentHeader assessment={a} current="certificate" />
      {body()}
      {certificates.length > 0 ? (
        <section aria-labelledby="issued-heading">
          <h2 id="issued-heading">Certificates from this assessment</h2>
          <ul className="plain-list">
            {certificates.map((c) => (
              <li key={c.number}>
                <Link to={`/certificates/${c.number}`}>{c.number}</Link>{' '}
                <span className={certificateStatusBadge(c.status)}>
                  {certificateStatusLabel(c.status)}
                </span>{' '}
                <span className="muted">
                  issued {formatDate(c.issuedOn)}, expires {formatDate(c.expiresOn)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
