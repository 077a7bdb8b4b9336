import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Decision } from '../../../shared/accreditation/schema';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { invoke } from '../../api/bridge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDate } from '../../components/labels';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { capitalisedErrorsFrom } from '../../components/problems';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { EMPTY_PASSPHRASE, PassphraseFields, passphraseProblems } from './PassphraseFields';

/** Signs the certificate for an accredited decision, creating the network's key on first use. */
export function IssueForm({
  detail,
  decision,
  keys,
  onKeyCreated,
}: {
  detail: AssessmentDetail;
  decision: Decision;
  keys: MethodOutput<'keys.status'>;
  onKeyCreated: () => void;
}) {
  const navigate = useNavigate();
  const creating = keys.networkKey === null;
  // Which step of sending is under way: making the key, then signing.
  const [step, setStep] = useState<'key' | 'issue'>('issue');
  const form = useForm({
    initial: EMPTY_PASSPHRASE,
    check: (draft) => passphraseProblems(draft, creating),
    send: async ({ passphrase }) => {
      if (creating) {
        setStep('key');
        await invoke('keys.init', { passphrase });
        onKeyCreated();
      }
      setStep('issue');
      const certificate = await invoke('certificates.issue', {
        assessmentId: detail.assessment.id,
        passphrase,
      });
      void navigate(`/certificates/${certificate.number}`, { state: { issued: true } });
    },
    errorsFrom: capitalisedErrorsFrom,
  });

  return (
    <form onSubmit={form.onSubmit} noValidate className="form panel">
      <h2>Issue the certificate</h2>
      <ErrorSummary errors={form.errors} title="The certificate could not be issued" />
      <dl className="summary-list compact">
        <dt>Holder</dt>
        <dd>{detail.assessment.providerName}</dd>
        <dt>Decision</dt>
        <dd>
          <OutcomeBadge outcome={decision.outcome} /> on {formatDate(decision.decidedAt)} by{' '}
          {decision.decidedBy}
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
      <PassphraseFields
        creating={creating}
        draft={form.draft}
        onChange={form.setDraft}
        errorFor={form.errorFor}
      />
      <div className="form-actions">
        <SubmitButton
          busy={form.busy}
          busyLabel={step === 'key' ? 'Creating the key…' : 'Signing…'}
        >
          {creating ? 'Create the key and issue the certificate' : 'Issue the certificate'}
        </SubmitButton>
      </div>
    </form>
  );
}
