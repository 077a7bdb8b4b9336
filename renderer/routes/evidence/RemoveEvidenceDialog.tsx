import { useId, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { ApiError, invoke } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';

export type RemovalResult = MethodOutput<'evidence.remove'>;

/** What happened, in one sentence for the status line. */
export function removalMessage(result: RemovalResult): string {
  const title = result.record.title;
  if (!result.record.sha256) return `Removed ${title}. A record of the removal is kept.`;
  return result.fileDeleted
    ? `Removed ${title}: the file was deleted and a record of the removal is kept.`
    : `Removed ${title}. The file itself is kept, because ${result.sharedWith.length} other ${
        result.sharedWith.length === 1 ? 'record uses' : 'records use'
      } the same file.`;
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
  const formId = useId();
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
      document.getElementById(`${formId}-reason`)?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      onRemoved(await invoke('evidence.remove', { id: record.id, reason: reason.trim() }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'refused')
        setRefusal({ sealed: /sealed|submitted|decided/.test(e.message), message: e.message });
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const verb = secure ? 'Remove securely' : 'Remove';
  return (
    <Dialog
      title={`${verb}: ${record.title}`}
      onClose={onClose}
      describedBy={refusal ? undefined : `${formId}-explain`}
      footer={
        refusal ? (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="submit" form={formId} className="button danger" disabled={busy}>
              {busy ? 'Removing…' : verb}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      {refusal ? null : (
        <p id={`${formId}-explain`}>
          {record.sha256
            ? 'The stored file is deleted from this computer and cannot be got back (unless another record uses the very same file, in which case it stays for that one). '
            : 'The link is taken off the assessment. '}
          A tombstone keeps its title, when it was removed, by whom and why.
        </p>
      )}
      {refusal ? (
        <div className="notice notice-info" role="alert">
          <p>
            <strong>This evidence cannot be removed.</strong>{' '}
            {refusal.sealed
              ? 'It belongs to an assessment that has been submitted, so it stays sealed exactly as the assessor received it.'
              : refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1)}
          </p>
        </div>
      ) : (
        <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
          <div className={`field${error ? ' field-error' : ''}`}>
            <label htmlFor={`${formId}-reason`}>Reason for removing it</label>
            <p className="hint" id={`${formId}-hint`}>
              For example: past its retention date; uploaded by mistake.
            </p>
            {error ? (
              <p className="error-message" id={`${formId}-error`} role="alert">
                <span className="visually-hidden">Error: </span>
                {error}
              </p>
            ) : null}
            <textarea
              id={`${formId}-reason`}
              className="input input-long"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={error ? `${formId}-hint ${formId}-error` : `${formId}-hint`}
              aria-invalid={error ? true : undefined}
            />
          </div>
        </form>
      )}
    </Dialog>
  );
}
