import { useId } from 'react';
import type { Certificate } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import type { FieldError } from '../../components/ErrorSummary';
import { TextArea } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { capitalisedErrorsFrom } from '../../components/problems';
import { useForm } from '../../components/use-form';
import { PassphraseFields } from './PassphraseFields';

export type LifecycleChange = 'suspend' | 'reinstate' | 'withdraw' | 'reissue';

export const CHANGE_LABELS: Record<LifecycleChange, string> = {
  suspend: 'Suspend',
  reinstate: 'Reinstate',
  withdraw: 'Withdraw',
  reissue: 'Reissue',
};

function explanation(change: LifecycleChange, certificate: Certificate, maxMonths: number): string {
  switch (change) {
    case 'suspend':
      return `While suspended, ${certificate.holderName} must stop claiming accreditation. It can be reinstated within ${maxMonths} months, or withdrawn.`;
    case 'reinstate':
      return `The certificate becomes active again, with its original expiry date.`;
    case 'withdraw':
      return 'Withdrawal is final: a withdrawn certificate can never be reinstated.';
    case 'reissue':
      return `A new certificate with a revision suffix is signed with the holder’s current details and the same dates; ${certificate.number} is superseded by it.`;
  }
}

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
  const explainId = useId();
  const number = certificate.number;
  const form = useForm({
    initial: { reason: '', passphrase: '' },
    check: ({ reason, passphrase }) => {
      const problems: FieldError[] = [];
      if (reason.trim().length < 3)
        problems.push({ field: 'reason', message: 'Give the reason, in a few words' });
      if (change === 'reissue' && !passphrase)
        problems.push({ field: 'passphrase', message: 'Enter the signing passphrase' });
      // No error summary here: focus goes straight to the first field to put right.
      if (problems[0]) document.getElementById(`field-${problems[0].field}`)?.focus();
      return problems;
    },
    send: async ({ reason, passphrase }) => {
      const input = { number, reason: reason.trim() };
      onDone(
        change === 'reissue'
          ? await invoke('certificates.reissue', { ...input, passphrase })
          : await invoke(`certificates.${change}`, input),
      );
    },
    errorsFrom: capitalisedErrorsFrom,
  });
  const general = form.errors.filter(({ field }) => field !== 'reason' && field !== 'passphrase');
  const verb = CHANGE_LABELS[change];
  return (
    <FormDialog
      title={`${verb} ${number}?`}
      onClose={onClose}
      onSubmit={form.onSubmit}
      submitLabel={form.busy ? 'Working…' : `${verb} the certificate`}
      busy={form.busy}
      danger={change === 'suspend' || change === 'withdraw'}
      describedBy={explainId}
      intro={
        <>
          <p id={explainId}>{explanation(change, certificate, maxSuspensionMonths)}</p>
          {general.length > 0 ? (
            <div className="notice notice-error" role="alert">
              {general.map(({ message }) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          ) : null}
        </>
      }
    >
      <TextArea
        {...form.field('reason')}
        label={`Reason to ${verb.toLowerCase()} it`}
        hint="Kept in the certificate’s status history and the audit trail."
        rows={3}
        required
      />
      {change === 'reissue' ? (
        <PassphraseFields
          creating={false}
          draft={{ passphrase: form.draft.passphrase, confirm: '' }}
          onChange={(draft) => form.set('passphrase')(draft.passphrase)}
          errorFor={form.errorFor}
        />
      ) : null}
    </FormDialog>
  );
}
