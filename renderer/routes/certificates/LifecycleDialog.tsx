import { useId, useState, type FormEvent } from 'react';
import type { Certificate } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { TextArea } from '../../components/fields';
import { fieldErrorsFrom } from '../../components/problems';
import { PassphraseFields } from './PassphraseFields';

export type LifecycleChange = 'suspend' | 'reinstate' | 'withdraw' | 'reissue';

export const CHANGE_LABELS: Record<LifecycleChange, string> = {
  suspend: 'Suspend',
  reinstate: 'Reinstate',
  withdraw: 'Withdraw',
  reissue: 'Reissue',
};

function explanation(change: LifecycleChange, c: Certificate, maxMonths: number): string {
  switch (change) {
    case 'suspend':
      return `While suspended, ${c.holderName} must stop claiming accreditation. It can be reinstated within ${maxMonths} months, or withdrawn.`;
    case 'reinstate':
      return `The certificate becomes active again, with its original expiry date.`;
    case 'withdraw':
      return 'Withdrawal is final: a withdrawn certificate can never be reinstated.';
    case 'reissue':
      return `A new certificate with a revision suffix is signed with the holder’s current details and the same dates; ${c.number} is superseded by it.`;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Asks for the reason (and, to reissue, the signing passphrase) before changing a certificate's
 * status. A refusal from the core is shown in the dialog in plain words.
 */
export function LifecycleDialog({
  change,
  certificate,
  maxSuspensionMonths,
  onDone,
  onClose,
}: {
  change: LifecycleChange;
  certificate: Certificate;
  maxSuspensionMonths: number;
  onDone: (updated: Certificate) => void;
  onClose: () => void;
}) {
  const formId = useId();
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const general = errors.filter((e) => e.field !== 'reason' && e.field !== 'passphrase');
  const number = certificate.number;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (reason.trim().length < 3)
      problems.push({ field: 'reason', message: 'Give the reason, in a few words' });
    if (change === 'reissue' && !passphrase)
      problems.push({ field: 'passphrase', message: 'Enter the signing passphrase' });
    setErrors(problems);
    if (problems.length > 0) {
      document.getElementById(`field-${problems[0]?.field}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const input = { number, reason: reason.trim() };
      const updated =
        change === 'reissue'
          ? await invoke('certificates.reissue', { ...input, passphrase })
          : await invoke(`certificates.${change}`, input);
      onDone(updated);
    } catch (error) {
      setErrors(fieldErrorsFrom(error).map((e) => ({ ...e, message: capitalise(e.message) })));
    } finally {
      setBusy(false);
    }
  }

  const verb = CHANGE_LABELS[change];
  const danger = change === 'suspend' || change === 'withdraw';
  return (
    <Dialog
      title={`${verb} ${number}?`}
      onClose={onClose}
      describedBy={`${formId}-explain`}
      footer={
        <>
          <button
            type="submit"
            form={formId}
            className={`button${danger ? ' danger' : ''}`}
            disabled={busy}
          >
            {busy ? 'Working…' : `${verb} the certificate`}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p id={`${formId}-explain`}>{explanation(change, certificate, maxSuspensionMonths)}</p>
      {general.length > 0 ? (
        <div className="notice notice-error" role="alert">
          {general.map((e) => (
            <p key={e.message}>{e.message}</p>
          ))}
        </div>
      ) : null}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <TextArea
          name="reason"
          label={`Reason to ${verb.toLowerCase()} it`}
          hint="Kept in the certificate’s status history and the audit trail."
          value={reason}
          onChange={setReason}
          error={errorFor('reason')}
          rows={3}
          required
        />
        {change === 'reissue' ? (
          <PassphraseFields
            creating={false}
            draft={{ passphrase, confirm: '' }}
            onChange={(d) => setPassphrase(d.passphrase)}
            errorFor={errorFor}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
