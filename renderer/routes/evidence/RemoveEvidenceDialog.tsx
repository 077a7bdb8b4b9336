import { useId, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { messageOf } from '../../../shared/error-message';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { ApiError, invoke } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field } from '../../components/Field';
import { FormButtons } from '../../components/FormDialog';
import { capitalise } from '../../components/text';

export type RemovalResult = MethodOutput<'evidence.remove'>;

/** What happened, in one sentence for the status line. */
export function removalMessage(result: RemovalResult): string {
  const title = result.record.title;
  if (!result.record.sha256) return `Removed ${title}. A record of the removal is kept.`;
  return result.fileDeleted
    ? `Removed ${title}: the file was deleted and a record of the removal is kept.`
    : `Removed ${title}. The file itself is kept, because ${plural(result.sharedWith.length, 'other record uses', 'other records use')} the same file.`;
}

/**
 * Removal always needs a reason. The file is deleted from the store (unless another record holds
 * the same file); a tombstone keeps what was removed, when, by whom and why. The core refuses
 * evidence of a submitted assessment, and that refusal is shown here in plain words.
 */
export function RemoveEvidenceDialog({
  record,
  secure = false,
  sealed = false,
  onClose,
  onRemoved,
}: {
  record: EvidenceRecord;
  /** Worded for personal data past its retention date. */
  secure?: boolean;
  /** Its assessment is submitted or decided, so the answer is known before asking. */
  sealed?: boolean;
  onClose: () => void;
  onRemoved: (result: RemovalResult) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [refusal, setRefusal] = useState<{ sealed: boolean; message: string } | null>(
    sealed ? { sealed: true, message: '' } : null,
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError('Give the reason for removing it, in a few words');
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      onRemoved(await invoke('evidence.remove', { id: record.id, reason: reason.trim() }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'refused')
        setRefusal({
          sealed: /sealed|submitted|decided/.test(failure.message),
          message: failure.message,
        });
      else setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const verb = secure ? 'Remove securely' : 'Remove';
  return (
    <Dialog
      title={`${verb}: ${record.title}`}
      onClose={onClose}
      describedBy={refusal ? undefined : `${id}-explain`}
      footer={
        refusal ? (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <FormButtons
            formId={id}
            submitLabel={busy ? 'Removing…' : verb}
            busy={busy}
            danger
            onCancel={onClose}
          />
        )
      }
    >
      {refusal ? (
        <div className="notice notice-info" role="alert">
          <p>
            <strong>This evidence cannot be removed.</strong>{' '}
            {refusal.sealed
              ? 'It belongs to an assessment that has been submitted, so it stays sealed exactly as the assessor received it.'
              : capitalise(refusal.message)}
          </p>
        </div>
      ) : (
        <>
          <p id={`${id}-explain`}>
            {record.sha256
              ? 'The stored file is deleted from this computer and cannot be got back (unless another record uses the very same file, in which case it stays for that one). '
              : 'The link is taken off the assessment. '}
            A tombstone keeps its title, when it was removed, by whom and why.
          </p>
          <form id={id} onSubmit={(event) => void submit(event)} noValidate>
            <Field
              id={`${id}-reason`}
              label="Reason for removing it"
              hint="For example: past its retention date; uploaded by mistake."
              hintId={`${id}-hint`}
              error={error}
              errorId={`${id}-error`}
              alertOnError
            >
              <textarea
                id={`${id}-reason`}
                className="input input-long"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
                aria-invalid={error ? true : undefined}
              />
            </Field>
          </form>
        </>
      )}
    </Dialog>
  );
}
