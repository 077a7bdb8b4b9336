import { useState, type FormEvent } from 'react';
import type { Revision } from '../../../shared/accreditation/schema';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextArea } from '../../components/fields';
import { formatDate } from '../../components/labels';
import { fieldErrorsFrom } from '../../components/problems';

/** Every revision of the assessment: why it was opened, when it was sealed and its fingerprint. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Revisions of this assessment, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Opened</th>
              <th scope="col">Reason</th>
              <th scope="col">Sealed</th>
              <th scope="col">Fingerprint (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.revision}>
                <th scope="row">{r.revision}</th>
                <td>
                  {formatDate(r.openedAt)}
                  <br />
                  <span className="muted">by {r.openedBy}</span>
                </td>
                <td className="pre-line">{r.reason}</td>
                <td>
                  {r.sealedAt ? (
                    <>
                      {formatDate(r.sealedAt)}
                      <br />
                      <span className="muted">by {r.sealedBy}</span>
                    </>
                  ) : (
                    <span className="badge badge-muted">Open</span>
                  )}
                </td>
                <td className="hash mono break-anywhere">{r.sha256 ?? 'Not sealed yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * A sealed assessment never changes: a correction opens a new revision, with its reason, and the
 * sealed one stays exactly as it was.
 */
export function NewRevisionForm({
  assessment,
  onOpened,
}: {
  assessment: AssessmentSummary;
  onOpened: (revision: Revision) => void;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setErrors([{ field: 'revisionReason', message: 'Give the reason for a new revision' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const result = await invoke('assessments.revise', {
        id: assessment.id,
        reason: reason.trim(),
      });
      setReason('');
      onOpened(result.revision);
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (p) => (p === 'reason' ? 'revisionReason' : p)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-revision-heading" className="panel">
      <h2 id="new-revision-heading">Open a new revision</h2>
      <p>
        Revision {assessment.revision} stays sealed exactly as it is. A new revision{' '}
        {assessment.revision + 1} starts from its ratings and findings so you can correct them, then
        is submitted and sealed on its own.
        {assessment.status === 'decided'
          ? ' The decision already made stays on record for the earlier revision; the new one needs a decision of its own.'
          : ''}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} title="The revision could not be opened" />
        <TextArea
          name="revisionReason"
          label="Reason for a new revision"
          hint="For example: the provider sent its updated safeguarding policy after the visit."
          value={reason}
          onChange={setReason}
          error={errors.find((e) => e.field === 'revisionReason')?.message}
          rows={2}
          required
        />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? 'Opening…' : `Open revision ${assessment.revision + 1}`}
        </button>
      </form>
    </section>
  );
}
